package io.cairn.query.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a query looks up (Consul's {@code ServiceQuery}).
 *
 * @param service        the service name (required)
 * @param failover       other datacenters to try when none of this one's instances qualifies
 * @param onlyPassing    leave out instances with a warning check too (critical ones always are)
 * @param ignoreCheckIds checks whose state does not count
 * @param near           the node whose RTT orders the results ({@code _agent}: the executing agent)
 * @param tags           tags every result must carry; {@code !tag} one it must not carry (case-insensitive)
 * @param nodeMeta       node metadata every result's node must have
 * @param serviceMeta    service metadata every result must have
 * @param connect        look up Connect-capable endpoints instead of the service itself
 */
public record QueryService(@JsonProperty("Service") String service,
        @JsonProperty("Failover") QueryFailover failover, @JsonProperty("OnlyPassing") boolean onlyPassing,
        @JsonProperty("IgnoreCheckIDs") List<String> ignoreCheckIds, @JsonProperty("Near") String near,
        @JsonProperty("Tags") List<String> tags, @JsonProperty("NodeMeta") Map<String, String> nodeMeta,
        @JsonProperty("ServiceMeta") Map<String, String> serviceMeta, @JsonProperty("Connect") boolean connect) {

    /** Nothing set. */
    public static final QueryService EMPTY = new QueryService("", null, false, null, "", null, null, null, false);

    public QueryService {
        service = service == null ? "" : service;
        failover = failover == null ? QueryFailover.NONE : failover;
        ignoreCheckIds = ignoreCheckIds == null ? List.of() : List.copyOf(ignoreCheckIds);
        near = near == null ? "" : near;
        tags = tags == null ? List.of() : List.copyOf(tags);
        nodeMeta = nodeMeta == null ? Map.of() : new TreeMap<>(nodeMeta);
        serviceMeta = serviceMeta == null ? Map.of() : new TreeMap<>(serviceMeta);
    }
}
