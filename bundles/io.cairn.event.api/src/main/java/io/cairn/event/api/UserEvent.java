package io.cairn.event.api;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One user event, as Consul's {@code UserEvent}.
 *
 * @param id            a canonical 8-4-4-4-12 hex UUID (clients derive the list index from it)
 * @param name          the event's name; names starting with {@code _} are for Cairn's own use
 * @param payload       opaque bytes given when firing; empty if none (never {@code null})
 * @param nodeFilter    regular expression a node name must contain a match of; {@code ""} for any node
 * @param serviceFilter regular expression one of the node's service names or IDs must contain a match of;
 *                      {@code ""} for any node
 * @param tagFilter     regular expression a tag of a service matching {@code serviceFilter} must contain a match
 *                      of; {@code ""} for any tag (only with a service filter)
 * @param version       the event format version, {@value #VERSION}
 * @param lTime         the event's logical time, from the firing agent's Lamport clock (which every event an
 *                      agent receives moves on, so an event fired after another was seen has a later time); 0 in
 *                      the answer to firing, as Consul's
 */
public record UserEvent(String id, String name, byte[] payload, String nodeFilter, String serviceFilter,
        String tagFilter, int version, long lTime) {

    /** The event format version this release writes and understands. */
    public static final int VERSION = 1;

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public UserEvent {
        payload = payload == null ? new byte[0] : payload;
        nodeFilter = nodeFilter == null ? "" : nodeFilter;
        serviceFilter = serviceFilter == null ? "" : serviceFilter;
        tagFilter = tagFilter == null ? "" : tagFilter;
    }

    /**
     * Consul's event index of an ID, the value clients ({@code Event.IDToIndex} in the Go API) recompute: the
     * first 16 hex digits of the UUID (dashes removed) XOR the last 16, as an unsigned 64-bit number.
     *
     * @throws IllegalArgumentException if {@code id} is not a canonical UUID
     */
    public static long idToIndex(String id) {
        if (id == null || !CANONICAL_UUID.matcher(id).matches()) {
            throw new IllegalArgumentException("Not a canonical UUID: " + id);
        }
        String hex = id.replace("-", "");
        return Long.parseUnsignedLong(hex.substring(0, 16), 16) ^ Long.parseUnsignedLong(hex.substring(16), 16);
    }

    /**
     * The {@code X-Consul-Index} of an event list: {@link #idToIndex} of its last (newest) event, or 1 when the list
     * is empty (never 0, which would make watchers spin).
     */
    public static long listIndex(List<UserEvent> events) {
        return events.isEmpty() ? 1 : idToIndex(events.get(events.size() - 1).id());
    }
}
