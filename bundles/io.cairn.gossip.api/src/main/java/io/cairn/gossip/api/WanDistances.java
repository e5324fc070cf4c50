package io.cairn.gossip.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.coordinate.Coordinate;

/**
 * How far the datacenters of the WAN pool are from this server: for each datacenter with a server that has not
 * left, the median of the round trip times estimated from this server's coordinate to those of that datacenter's
 * servers (the lower middle one of an even count). Datacenters are ordered nearest first, then by name; one with
 * no usable coordinate comes after those that have one. This is the order of {@code /v1/catalog/datacenters} and
 * of a prepared query's {@code NearestN} failover.
 */
public final class WanDistances {

    private WanDistances() {
    }

    /** The datacenters of {@code wan}, a server's WAN pool, nearest first. */
    public static List<String> datacentersByDistance(Membership wan) {
        Coordinate here = wan.coordinate();
        String self = wan.local().name();
        Map<String, List<Double>> rtts = new TreeMap<>();
        for (Member member : wan.members()) {
            String dc = member.tags().get("dc");
            if (!member.server() || member.status() == MemberStatus.LEFT || dc == null) {
                continue;
            }
            List<Double> known = rtts.computeIfAbsent(dc, d -> new ArrayList<>());
            (member.name().equals(self) ? Optional.of(here) : wan.coordinate(member.name()))
                    .filter(c -> c.isValid() && c.isCompatibleWith(here))
                    .ifPresent(c -> known.add(seconds(here.distanceTo(c))));
        }
        Map<String, Double> medians = new TreeMap<>();
        rtts.forEach((dc, values) -> medians.put(dc, median(values.stream().sorted().toList())));
        return medians.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static double median(List<Double> sorted) {
        return sorted.isEmpty() ? Double.POSITIVE_INFINITY : sorted.get((sorted.size() - 1) / 2);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
