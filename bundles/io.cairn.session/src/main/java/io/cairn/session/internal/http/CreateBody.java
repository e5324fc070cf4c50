package io.cairn.session.internal.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.cairn.http.api.HttpException;
import io.cairn.session.api.ServiceCheck;
import io.cairn.session.api.SessionBehavior;
import io.cairn.session.api.SessionRequest;
import io.cairn.session.internal.SessionRules;

/**
 * The body of {@code PUT /v1/session/create}; every field is optional (python-consul sends an empty body) and
 * names match case-insensitively (python-consul sends {@code lockdelay}, {@code ttl}).
 */
record CreateBody(@JsonProperty("Name") String name, @JsonProperty("Node") String node,
        @JsonProperty("LockDelay") Object lockDelay, @JsonProperty("Behavior") String behavior,
        @JsonProperty("TTL") Object ttl, @JsonProperty("Checks") List<String> checks,
        @JsonProperty("NodeChecks") List<String> nodeChecks,
        @JsonProperty("ServiceChecks") List<ServiceCheckBody> serviceChecks) {

    /** Consul's default lock delay. */
    static final Duration DEFAULT_LOCK_DELAY = Duration.ofSeconds(15);

    static final CreateBody EMPTY = new CreateBody(null, null, null, null, null, null, null, null);

    record ServiceCheckBody(@JsonProperty("ID") String id, @JsonProperty("Namespace") String namespace) {
    }

    /**
     * The request with Consul's defaults: this agent's node, {@code serfHealth} unless {@code Checks} or
     * {@code NodeChecks} is given (an explicit empty list means no check), 15 s lock delay, {@code release}.
     * Refusals are 500s with Consul's texts, except what Go's decoder refuses (400 {@code Request decode failed}): a
     * lock delay that is neither duration text nor a number in range, a {@code TTL} that is not a string.
     */
    SessionRequest toRequest(String agentNode) {
        Duration delay;
        try {
            delay = lockDelay == null ? DEFAULT_LOCK_DELAY : SessionRules.lockDelay(lockDelay);
        } catch (IllegalArgumentException e) {
            throw HttpException.badRequest("Request decode failed: " + e.getMessage());
        }
        SessionBehavior parsedBehavior = behavior == null || behavior.isEmpty()
                ? SessionBehavior.RELEASE
                : SessionBehavior.of(behavior).orElseThrow(
                        () -> new HttpException(500, "Invalid Behavior setting '" + behavior + "'"));
        Duration parsedTtl;
        try {
            parsedTtl = SessionRules.ttl(ttlText());
        } catch (IllegalArgumentException e) {
            throw new HttpException(500, e.getMessage());
        }
        List<String> bound;
        if (checks == null && nodeChecks == null) {
            bound = List.of(SessionJson.SERF_HEALTH);
        } else {
            LinkedHashSet<String> merged = new LinkedHashSet<>();
            if (nodeChecks != null) {
                merged.addAll(nodeChecks);
            }
            if (checks != null) {
                merged.addAll(checks);
            }
            bound = new ArrayList<>(merged);
        }
        List<ServiceCheck> services = serviceChecks == null ? List.of()
                : serviceChecks.stream().filter(c -> c != null).map(c -> new ServiceCheck(c.id(), c.namespace()))
                        .toList();
        String boundNode = node == null || node.isEmpty() ? agentNode : node;
        return new SessionRequest(name, boundNode, delay, parsedBehavior, parsedTtl, bound, services);
    }

    /** {@code TTL} is a Go string: Go's decoder refuses a number (a duration without its unit) or anything else. */
    private String ttlText() {
        if (ttl == null || ttl instanceof String) {
            return (String) ttl;
        }
        String found = ttl instanceof Number ? "number" : ttl instanceof Boolean ? "bool"
                : ttl instanceof Map ? "object" : "array";
        throw HttpException.badRequest("Request decode failed: json: cannot unmarshal " + found
                + " into Go struct field Session.TTL of type string");
    }
}
