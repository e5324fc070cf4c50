package io.cairn.watch.plan;

import java.util.List;
import java.util.Set;

/**
 * What one watch observes, with Consul's watch types and parameters.
 *
 * @param type        {@code key}, {@code keyprefix}, {@code services}, {@code nodes}, {@code service},
 *                    {@code checks} or {@code event}
 * @param key         the key ({@code key})
 * @param prefix      the key prefix ({@code keyprefix})
 * @param service     the service ({@code service}; {@code checks} of one service)
 * @param tags        tags every instance must have ({@code service})
 * @param passingOnly only instances whose checks all pass ({@code service})
 * @param state       check state {@code any}, {@code passing}, {@code warning} or {@code critical} ({@code checks})
 * @param name        event name, {@code ""} for every event ({@code event})
 * @param datacenter  datacenter to query, {@code ""} for the agent's
 * @param token       ACL token, {@code ""} for none
 * @param stale       whether any server may answer (all types but {@code event})
 */
public record WatchSpec(String type, String key, String prefix, String service, List<String> tags,
        boolean passingOnly, String state, String name, String datacenter, String token, boolean stale) {

    /** The watch types, as Consul names them. */
    public static final Set<String> TYPES = Set.of("key", "keyprefix", "services", "nodes", "service", "checks",
            "event");

    public WatchSpec {
        key = orEmpty(key);
        prefix = orEmpty(prefix);
        service = orEmpty(service);
        tags = tags == null ? List.of() : List.copyOf(tags);
        state = orEmpty(state);
        name = orEmpty(name);
        datacenter = orEmpty(datacenter);
        token = orEmpty(token);
    }

    /** A spec of {@code type} with no parameters; add them with the {@code with...} methods. */
    public static WatchSpec of(String type) {
        return new WatchSpec(type, "", "", "", List.of(), false, "", "", "", "", false);
    }

    public WatchSpec withKey(String value) {
        return new WatchSpec(type, value, prefix, service, tags, passingOnly, state, name, datacenter, token, stale);
    }

    public WatchSpec withPrefix(String value) {
        return new WatchSpec(type, key, value, service, tags, passingOnly, state, name, datacenter, token, stale);
    }

    public WatchSpec withService(String value) {
        return new WatchSpec(type, key, prefix, value, tags, passingOnly, state, name, datacenter, token, stale);
    }

    public WatchSpec withTags(List<String> value) {
        return new WatchSpec(type, key, prefix, service, value, passingOnly, state, name, datacenter, token, stale);
    }

    public WatchSpec withPassingOnly(boolean value) {
        return new WatchSpec(type, key, prefix, service, tags, value, state, name, datacenter, token, stale);
    }

    public WatchSpec withState(String value) {
        return new WatchSpec(type, key, prefix, service, tags, passingOnly, value, name, datacenter, token, stale);
    }

    public WatchSpec withName(String value) {
        return new WatchSpec(type, key, prefix, service, tags, passingOnly, state, value, datacenter, token, stale);
    }

    public WatchSpec withDatacenter(String value) {
        return new WatchSpec(type, key, prefix, service, tags, passingOnly, state, name, value, token, stale);
    }

    public WatchSpec withToken(String value) {
        return new WatchSpec(type, key, prefix, service, tags, passingOnly, state, name, datacenter, value, stale);
    }

    public WatchSpec withStale(boolean value) {
        return new WatchSpec(type, key, prefix, service, tags, passingOnly, state, name, datacenter, token, value);
    }

    /**
     * Checks the parameters the type needs, with Consul's messages.
     *
     * @throws IllegalArgumentException naming what is missing or conflicting
     */
    public WatchSpec validate() {
        switch (type) {
            case "key" -> require(!key.isEmpty(), "Must specify a single key to watch");
            case "keyprefix" -> require(!prefix.isEmpty(), "Must specify a single prefix to watch");
            case "service" -> require(!service.isEmpty(), "Must specify a single service to watch");
            case "checks" -> {
                require(service.isEmpty() || state.isEmpty(), "Cannot specify service and state");
                require(state.isEmpty() || Set.of("any", "passing", "warning", "critical").contains(state),
                        "Invalid state \"" + state + "\": use any, passing, warning or critical");
            }
            case "services", "nodes", "event" -> {
                // no required parameters
            }
            default -> throw new IllegalArgumentException("Unsupported watch type: " + type
                    + " (supported: checks, event, key, keyprefix, nodes, service, services)");
        }
        if (type.equals("event")) {
            require(!stale, "Stale is not supported for event watches");
        }
        return this;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
