package io.cairn.reconcile.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import io.cairn.agent.api.Member;
import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.NodeServices;
import io.cairn.catalog.api.Registration;
import io.cairn.catalog.api.Weights;
import io.cairn.health.api.CheckStatus;
import io.cairn.raft.api.Consistency;

/**
 * Makes the catalog agree with the LAN pool, as Consul's leader does. Run only on the leader, whose replica is
 * current, so it reads the catalog without a barrier and writes only what differs:
 * <ul>
 * <li>an alive member: its node, with the {@value #SERF_CHECK_ID} check passing ({@value #ALIVE_OUTPUT}), and on a
 * server of this datacenter the {@value #CONSUL_SERVICE} service on the server RPC port;</li>
 * <li>a failed member: {@value #SERF_CHECK_ID} critical ({@value #FAILED_OUTPUT}), which hides the node's services
 * from passing-only queries and DNS and ends the sessions bound to it;</li>
 * <li>a member that left, or was reaped or pruned: its node deregistered (never the leader's own: a follower does
 * that after the leader left), and a server also removed from the Raft group;</li>
 * <li>a node that has a {@value #SERF_CHECK_ID} check but is no member any more (reaped while no leader
 * watched): deregistered by the full reconciliation.</li>
 * </ul>
 * Nodes registered through the catalog API for external services have no {@value #SERF_CHECK_ID} check and are
 * left alone.
 */
final class MemberReconciler {
    static final String SERF_CHECK_ID = "serfHealth";
    static final String SERF_CHECK_NAME = "Serf Health Status";
    static final String ALIVE_OUTPUT = "Agent alive and reachable";
    static final String FAILED_OUTPUT = "Agent not live or unreachable";
    static final String CONSUL_SERVICE = "consul";

    private final String self;
    private final String datacenter;
    private final Catalog catalog;
    private final Function<String, CompletionStage<Void>> removeServer;

    /**
     * @param self         this server's node name
     * @param datacenter   this server's datacenter
     * @param removeServer removes a server, by node name, from the Raft group
     */
    MemberReconciler(String self, String datacenter, Catalog catalog,
            Function<String, CompletionStage<Void>> removeServer) {
        this.self = self;
        this.datacenter = datacenter;
        this.catalog = catalog;
        this.removeServer = removeServer;
    }

    /** Reconciles every member, then deregisters the nodes of former members. */
    CompletionStage<Void> reconcileAll(List<Member> members) {
        CompletionStage<Void> done = CompletableFuture.completedFuture(null);
        for (Member member : members) {
            done = done.thenCompose(ignored -> reconcile(member));
        }
        Set<String> names = new HashSet<>();
        members.forEach(m -> names.add(m.name()));
        return done.thenCompose(ignored -> catalog.checks(Optional.empty(), Map.of(), Consistency.STALE))
                .thenCompose(checks -> {
                    CompletionStage<Void> reaped = CompletableFuture.completedFuture(null);
                    for (HealthCheck check : checks.value()) {
                        if (check.checkId().equals(SERF_CHECK_ID) && check.serviceId().isEmpty()
                                && !names.contains(check.node()) && !check.node().equals(self)) {
                            reaped = reaped.thenCompose(ignored -> deregisterNode(check.node()));
                        }
                    }
                    return reaped;
                });
    }

    /** Brings one member's node in the catalog in line with its status. */
    CompletionStage<Void> reconcile(Member member) {
        return switch (member.status()) {
            case ALIVE -> present(member, CheckStatus.PASSING, ALIVE_OUTPUT);
            case FAILED -> present(member, CheckStatus.CRITICAL, FAILED_OUTPUT);
            case LEFT -> removed(member);
            case LEAVING, NONE -> CompletableFuture.completedFuture(null);
        };
    }

    /** A member that left or was forgotten: its node goes, and a server leaves the Raft group. */
    CompletionStage<Void> removed(Member member) {
        if (member.name().equals(self)) {
            return CompletableFuture.completedFuture(null);
        }
        CompletionStage<Void> done = deregisterNode(member.name());
        return ownServer(member) ? done.thenCompose(ignored -> removeServer.apply(member.name())) : done;
    }

    private CompletionStage<Void> present(Member member, CheckStatus status, String output) {
        var node = catalog.node(member.name(), Consistency.STALE).toCompletableFuture();
        var checks = catalog.nodeChecks(member.name(), Consistency.STALE).toCompletableFuture();
        return node.thenCombine(checks, (n, c) -> registration(member, status, output, n.value(), c.value()))
                .thenCompose(needed -> needed.map(catalog::register)
                        .orElse(CompletableFuture.completedFuture(null)));
    }

    /** What to write so the node matches the member; empty when it already does. */
    private Optional<Registration> registration(Member member, CheckStatus status, String output,
            Optional<NodeServices> existing, List<HealthCheck> checks) {
        boolean nodeCurrent = existing.map(n -> n.node().address().equals(member.address())).orElse(false);
        boolean checkCurrent = checks.stream().anyMatch(c -> c.checkId().equals(SERF_CHECK_ID)
                && c.serviceId().isEmpty() && c.status() == status && c.output().equals(output));
        NodeService wanted = ownServer(member) && status == CheckStatus.PASSING ? consulService(member) : null;
        boolean serviceCurrent = wanted == null || existing.map(n -> n.services().stream()
                .anyMatch(s -> s.id().equals(CONSUL_SERVICE) && s.port() == wanted.port())).orElse(false);
        if (nodeCurrent && checkCurrent && serviceCurrent) {
            return Optional.empty();
        }
        HealthCheck serfHealth = new HealthCheck(member.name(), SERF_CHECK_ID, SERF_CHECK_NAME, status, "", output,
                "", "", List.of(), "", null, 0, 0);
        Map<String, String> tagged = existing.map(n -> n.node().taggedAddresses()).orElse(Map.of());
        Map<String, String> meta = existing.map(n -> n.node().meta()).orElse(Map.of());
        String id = existing.map(n -> n.node().id()).filter(s -> !s.isEmpty())
                .orElse(Objects.requireNonNullElse(member.tags().get("id"), ""));
        return Optional.of(new Registration(id, member.name(), member.address(), tagged, meta,
                serviceCurrent ? null : wanted, checkCurrent ? List.of() : List.of(serfHealth), nodeCurrent));
    }

    private boolean ownServer(Member member) {
        return member.server() && datacenter.equals(member.tags().get("dc"));
    }

    /** Consul's {@code consul} service of a server: on its server RPC port, one per server node. */
    private static NodeService consulService(Member member) {
        int port = parsePort(member.tags().get("port"));
        return new NodeService("", CONSUL_SERVICE, CONSUL_SERVICE, List.of(), "", Map.of(), Map.of(), port,
                Weights.DEFAULT, false, 0, 0);
    }

    private static int parsePort(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private CompletionStage<Void> deregisterNode(String node) {
        return catalog.node(node, Consistency.STALE).thenCompose(existing -> existing.value().isEmpty()
                ? CompletableFuture.completedFuture(null)
                : catalog.deregister(new Deregistration(node, "", "")));
    }
}
