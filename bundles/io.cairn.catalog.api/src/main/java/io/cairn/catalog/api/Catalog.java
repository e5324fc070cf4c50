package io.cairn.catalog.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.health.api.CheckStatus;
import io.cairn.raft.api.Consistency;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The replicated service catalog of this datacenter.
 * <p>
 * Writes go through the Raft log; their stages complete once the change is applied on this server. They fail
 * with {@link IllegalArgumentException} for input that is wrong on its face (its message is meant for the
 * user: {@code Missing node name}, ...), with the Raft API's {@code CommandRejectedException} when the catalog
 * refuses it against its current state ({@code Missing service registration} for a check naming an instance
 * the node does not have), and with {@code NoLeaderException} when no leader is reachable.
 * <p>
 * Reads wait for the consistency barrier, then answer from one consistent state, in a stable order (nodes by
 * name, instances by node then ID, checks by node then ID). {@code nodeMeta} filters keep only nodes carrying
 * every given key with exactly the given value.
 */
@ProviderType
public interface Catalog {

    /**
     * Service property, {@code true} on a catalog that is not this agent's replica but the servers' catalog
     * reached over the network (a client agent's). Endpoints that serve the replicated catalog themselves select
     * the local one with the target {@code (!(cairn.catalog.remote=true))}; on a client agent the servers answer
     * those requests.
     */
    String REMOTE = "cairn.catalog.remote";

    /** The datacenter this catalog serves (configuration PID {@code io.cairn.catalog}, key {@code datacenter}). */
    String datacenter();

    /** Creates or updates a node and optionally one instance and checks on it. */
    CompletionStage<Void> register(Registration registration);

    /**
     * As {@link #register(Registration)}, as the ACL token whose secret is {@code token} ({@code ""}: the agent's
     * own token): how an agent syncs a service with the token it was registered with, as Consul's does. A catalog
     * that checks no ACLs (this server's replica, written by the agent itself) ignores it.
     */
    default CompletionStage<Void> register(Registration registration, String token) {
        return register(registration);
    }

    /** Removes a node, an instance or a check. */
    CompletionStage<Void> deregister(Deregistration deregistration);

    /** All nodes matching {@code nodeMeta}. */
    CompletionStage<Indexed<List<Node>>> nodes(Map<String, String> nodeMeta, Consistency consistency);

    /** Every service name on a node matching {@code nodeMeta}, with the union of its instances' tags (sorted). */
    CompletionStage<Indexed<Map<String, List<String>>>> services(Map<String, String> nodeMeta,
            Consistency consistency);

    /** The instances of service {@code name} (case-insensitive) that pass {@code query}, with their checks. */
    CompletionStage<Indexed<List<ServiceEntry>>> service(String name, ServiceQuery query, Consistency consistency);

    /** A node and its instances; empty if the node is unknown. */
    CompletionStage<Indexed<Optional<NodeServices>>> node(String node, Consistency consistency);

    /** Every check on {@code node}, node-level and service-level. */
    CompletionStage<Indexed<List<HealthCheck>>> nodeChecks(String node, Consistency consistency);

    /** The checks of every instance of service {@code name} on nodes matching {@code nodeMeta}. */
    CompletionStage<Indexed<List<HealthCheck>>> serviceChecks(String name, Map<String, String> nodeMeta,
            Consistency consistency);

    /** Every check in {@code status} (any status if empty) on nodes matching {@code nodeMeta}. */
    CompletionStage<Indexed<List<HealthCheck>>> checks(Optional<CheckStatus> status, Map<String, String> nodeMeta,
            Consistency consistency);

    /**
     * Completes with the new index once the catalog's index exceeds {@code afterIndex} (at once if it already
     * does). Cancel the future to stop waiting; waiting holds no thread.
     */
    CompletableFuture<Long> awaitChange(long afterIndex);
}
