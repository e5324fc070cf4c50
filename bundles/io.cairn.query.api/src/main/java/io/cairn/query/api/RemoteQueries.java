package io.cairn.query.api;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Prepared queries stored in other datacenters, executed there, as Consul answers {@code <query>.query.<dc>.consul}:
 * the datacenter that stores the query runs it (its own health rules, failover and all) and its servers answer.
 * Registered where the agent has a way to other datacenters (the forward bundle); each call is a network round
 * trip.
 */
@ProviderType
public interface RemoteQueries {

    /**
     * The result of the query {@code idOrName} executed in {@code datacenter}, at most {@code limit} instances
     * (0: all); empty when that datacenter has no such query. Fails when the datacenter cannot be reached or
     * refuses the request.
     */
    CompletionStage<Optional<QueryResult>> execute(String datacenter, String idOrName, int limit);
}
