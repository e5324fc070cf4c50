package io.cairn.operator.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cairn.go.lang.GoDuration;

/**
 * The JSON bodies of {@code /v1/operator/autopilot/health} (Consul's {@code OperatorHealthReply}) and
 * {@code /v1/operator/autopilot/state} (Consul's {@code AutopilotState}, without the Enterprise parts: no read
 * replicas, redundancy zones or upgrade), with Consul's field names and order.
 */
final class AutopilotBodies {

    private AutopilotBodies() {
    }

    static Map<String, Object> health(HealthTracker.Report report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Healthy", report.healthy());
        body.put("FailureTolerance", report.failureTolerance());
        List<Map<String, Object>> servers = report.servers().stream().map(s -> {
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("ID", s.id());
            server.put("Name", s.name());
            server.put("Address", s.address());
            server.put("SerfStatus", s.serfStatus().text());
            server.put("Version", s.version());
            server.put("Leader", s.leader());
            server.put("LastContact", GoDuration.format(s.lastContact()));
            server.put("LastTerm", s.lastTerm());
            server.put("LastIndex", s.lastIndex());
            server.put("Healthy", s.healthy());
            server.put("Voter", s.voter());
            server.put("StableSince", time(s.stableSince()));
            return server;
        }).toList();
        body.put("Servers", servers);
        return body;
    }

    static Map<String, Object> state(HealthTracker.Report report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Healthy", report.healthy());
        body.put("FailureTolerance", report.failureTolerance());
        // without non-voters that could be promoted, the optimistic tolerance is the tolerance
        body.put("OptimisticFailureTolerance", report.failureTolerance());
        Map<String, Object> servers = new LinkedHashMap<>();
        for (ServerHealth s : report.servers()) {
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("ID", s.id());
            server.put("Name", s.name());
            server.put("Address", s.address());
            server.put("NodeStatus", s.serfStatus().text());
            server.put("Version", s.version());
            server.put("LastContact", GoDuration.format(s.lastContact()));
            server.put("LastTerm", s.lastTerm());
            server.put("LastIndex", s.lastIndex());
            server.put("Healthy", s.healthy());
            server.put("StableSince", time(s.stableSince()));
            server.put("ReadReplica", false);
            server.put("Status", s.leader() ? "leader" : s.voter() ? "voter" : "non-voter");
            server.put("Meta", Map.of());
            server.put("NodeType", "voter");
            servers.put(s.id(), server);
        }
        body.put("Servers", servers);
        body.put("Leader", report.leader());
        body.put("Voters", report.voters());
        return body;
    }

    /** Go's JSON time, rounded to the second in UTC as Consul sends it. */
    private static String time(Instant instant) {
        return instant.plusMillis(500).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
