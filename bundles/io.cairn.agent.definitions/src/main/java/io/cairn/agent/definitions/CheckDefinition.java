package io.cairn.agent.definitions;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated check definition with Consul's derived values applied. The common fields are typed; every field
 * that was given, the derived ones included, is also in {@link #fields()} under Consul's API name, which is the
 * form the health-check engine decodes.
 *
 * @param id        the check ID: as given, else {@code service:<serviceId>[:<n>]} for a service's check, else the
 *                  name
 * @param name      the name: as given, else {@code Service '<service name>' check} for a service's check
 * @param serviceId the service instance the check watches, {@code ""} for a node-level check
 * @param notes     free text
 * @param status    the initial status ({@code passing}, {@code warning}, {@code critical}), {@code ""} if not
 *                  given (Consul then starts the check critical)
 * @param ttl       time to live of a TTL check, {@link Duration#ZERO} if none
 * @param interval  how often a polled check runs, {@code ZERO} if not given
 * @param timeout   how long a run may take, {@code ZERO} for the default
 * @param deregisterCriticalServiceAfter deregister the service after the check is critical this long, ZERO: never
 * @param fields    every field by its API name ({@code CheckID}, {@code HTTP}, {@code Args}, {@code Header}...);
 *                  durations as numbers of nanoseconds, lists as {@code List<String>}, header as
 *                  {@code Map<String, List<String>>}
 */
public record CheckDefinition(String id, String name, String serviceId, String notes, String status, Duration ttl,
        Duration interval, Duration timeout, Duration deregisterCriticalServiceAfter, Map<String, Object> fields) {

    public CheckDefinition {
        id = text(id);
        name = text(name);
        serviceId = text(serviceId);
        notes = text(notes);
        status = text(status);
        ttl = ttl == null ? Duration.ZERO : ttl;
        interval = interval == null ? Duration.ZERO : interval;
        timeout = timeout == null ? Duration.ZERO : timeout;
        deregisterCriticalServiceAfter = deregisterCriticalServiceAfter == null
                ? Duration.ZERO : deregisterCriticalServiceAfter;
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Whether this is a TTL check (it has a TTL). */
    public boolean isTtl() {
        return !ttl.isZero();
    }

    /**
     * Whether the check runs a command on this machine: it has {@code Args} or {@code Script} and is not a Docker
     * check (which runs its command inside a container). Such checks need {@code enable_script_checks}.
     */
    public boolean isScript() {
        boolean command = fields.get("Args") instanceof List<?> args && !args.isEmpty()
                || fields.get("Script") instanceof String script && !script.isEmpty();
        return command && !(fields.get("DockerContainerID") instanceof String container && !container.isEmpty());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
