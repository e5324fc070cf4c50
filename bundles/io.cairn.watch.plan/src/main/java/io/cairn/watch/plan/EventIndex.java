package io.cairn.watch.plan;

/**
 * Consul's event index rule on the client side ({@code Event.IDToIndex}): the first 16 hex digits of the event's
 * UUID XOR the last 16. The agent computes the same value for {@code /v1/event/list}'s {@code X-Consul-Index}.
 */
public final class EventIndex {

    private EventIndex() {
    }

    /** The index of an event ID; 0 for an ID that is not a canonical UUID (it then matches no index). */
    public static long of(String id) {
        if (id == null || id.length() != 36) {
            return 0;
        }
        String hex = id.replace("-", "");
        try {
            return Long.parseUnsignedLong(hex.substring(0, 16), 16) ^ Long.parseUnsignedLong(hex.substring(16), 16);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return 0;
        }
    }
}
