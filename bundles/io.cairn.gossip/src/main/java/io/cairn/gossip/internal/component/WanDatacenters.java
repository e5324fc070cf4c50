package io.cairn.gossip.internal.component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.coordinate.Coordinate;
import io.cairn.gossip.api.Membership;
import io.cairn.gossip.api.WanDistances;

/**
 * The datacenters as a server sees them in the WAN pool: every datacenter with a server there that has not left,
 * each with its servers' WAN coordinates ({@code /v1/coordinate/datacenters}), and their names nearest first
 * ({@code /v1/catalog/datacenters}, {@link WanDistances}).
 */
final class WanDatacenters {

    /** Consul's area ID of the WAN pool, the only area Cairn has. */
    static final String WAN_AREA = "wan";

    /** Consul's {@code structs.Coordinate} of a server in the WAN pool, named without its datacenter. */
    record NodeCoordJson(@JsonProperty("Node") String node, @JsonProperty("Segment") String segment,
            @JsonProperty("Coord") CoordJson coord) {
    }

    /** Consul's {@code structs.DatacenterMap}. */
    record DatacenterJson(@JsonProperty("Datacenter") String datacenter, @JsonProperty("AreaID") String areaId,
            @JsonProperty("Coordinates") List<NodeCoordJson> coordinates) {
    }

    /** A server of the pool with its coordinate, if one is known. */
    private record Server(String node, Optional<Coordinate> coordinate) {
    }

    private final Membership wan;

    WanDatacenters(Membership wan) {
        this.wan = wan;
    }

    /** Each datacenter's servers with their coordinates, by datacenter name. */
    List<DatacenterJson> coordinates() {
        List<DatacenterJson> maps = new ArrayList<>();
        servers().forEach((dc, servers) -> maps.add(new DatacenterJson(dc, WAN_AREA, servers.stream()
                .filter(s -> s.coordinate().isPresent())
                .map(s -> new NodeCoordJson(s.node(), "", CoordJson.of(s.coordinate().get())))
                .toList())));
        return maps;
    }

    /** The datacenters' names, nearest first. */
    List<String> byDistance() {
        return WanDistances.datacentersByDistance(wan);
    }

    private Map<String, List<Server>> servers() {
        String self = wan.local().name();
        Map<String, List<Server>> byDc = new TreeMap<>();
        wan.members().stream()
                .filter(m -> m.server() && m.status() != MemberStatus.LEFT && m.tags().get("dc") != null)
                .sorted(Comparator.comparing(Member::name))
                .forEach(m -> {
                    String dc = m.tags().get("dc");
                    Optional<Coordinate> coordinate = m.name().equals(self) ? Optional.of(wan.coordinate())
                            : wan.coordinate(m.name());
                    byDc.computeIfAbsent(dc, d -> new ArrayList<>()).add(new Server(nodeName(m.name(), dc),
                            coordinate));
                });
        return byDc;
    }

    /** A WAN member's node name: its member name without the {@code .<dc>} that the WAN pool adds. */
    static String nodeName(String member, String datacenter) {
        String suffix = "." + datacenter;
        return member.endsWith(suffix) ? member.substring(0, member.length() - suffix.length()) : member;
    }
}
