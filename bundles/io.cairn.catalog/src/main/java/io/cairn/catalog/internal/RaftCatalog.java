package io.cairn.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Indexed;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeServices;
import io.cairn.catalog.api.Registration;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.ServiceQuery;
import io.cairn.health.api.CheckStatus;
import io.cairn.raft.api.CommandRejectedException;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.RaftService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@link Catalog} over the Raft log: writes are {@code catalog} commands, reads follow a consistency barrier. */
@Component(service = Catalog.class, configurationPid = RaftCatalog.PID)
@Designate(ocd = RaftCatalog.Config.class)
public final class RaftCatalog implements Catalog {

    static final String PID = "io.cairn.catalog";

    /**
     * Decoded records kept across reads: room for a large catalog's nodes, services and checks, while a
     * bigger one still works, only with more decoding.
     */
    static final int DECODED_RECORDS = 50_000;

    @ObjectClassDefinition(name = "Cairn catalog", description = "The replicated service catalog")
    public @interface Config {
        @AttributeDefinition(description = "Datacenter this catalog serves, reported on every node")
        String datacenter() default "dc1";
    }

    private final RaftService raft;
    private final String datacenter;
    private final DecodedRecords records = new DecodedRecords(DECODED_RECORDS);

    @Activate
    public RaftCatalog(@Reference RaftService raft, Config config) {
        this.raft = raft;
        this.datacenter = config.datacenter();
    }

    @Override
    public String datacenter() {
        return datacenter;
    }

    @Override
    public CompletionStage<Void> register(Registration registration) {
        return submit(() -> CatalogCommand.register(registration));
    }

    @Override
    public CompletionStage<Void> deregister(Deregistration deregistration) {
        return submit(() -> CatalogCommand.deregister(deregistration));
    }

    @Override
    public CompletionStage<Indexed<List<Node>>> nodes(Map<String, String> nodeMeta, Consistency consistency) {
        return read(consistency, reads -> reads.nodes(nodeMeta));
    }

    @Override
    public CompletionStage<Indexed<Map<String, List<String>>>> services(Map<String, String> nodeMeta,
            Consistency consistency) {
        return read(consistency, reads -> reads.services(nodeMeta, Optional.empty()));
    }

    @Override
    public CompletionStage<Indexed<List<ServiceEntry>>> service(String name, ServiceQuery query,
            Consistency consistency) {
        return read(consistency, reads -> reads.serviceEntries(name, query));
    }

    @Override
    public CompletionStage<Indexed<Optional<NodeServices>>> node(String node, Consistency consistency) {
        return read(consistency, reads -> reads.nodeServices(node));
    }

    @Override
    public CompletionStage<Indexed<List<HealthCheck>>> nodeChecks(String node, Consistency consistency) {
        return read(consistency, reads -> reads.nodeChecks(node));
    }

    @Override
    public CompletionStage<Indexed<List<HealthCheck>>> serviceChecks(String name, Map<String, String> nodeMeta,
            Consistency consistency) {
        return read(consistency, reads -> reads.serviceChecks(name, nodeMeta));
    }

    @Override
    public CompletionStage<Indexed<List<HealthCheck>>> checks(Optional<CheckStatus> status,
            Map<String, String> nodeMeta, Consistency consistency) {
        return read(consistency, reads -> reads.checks(status, nodeMeta));
    }

    @Override
    public CompletableFuture<Long> awaitChange(long afterIndex) {
        return raft.awaitChange(CatalogKeys.TABLE, "", afterIndex);
    }

    private <T> CompletionStage<Indexed<T>> read(Consistency consistency, Function<CatalogReads, T> reader) {
        return raft.barrier(consistency).thenApply(context -> raft.state().read(view -> {
            CatalogReads reads = new CatalogReads(view, datacenter, records);
            return new Indexed<>(reader.apply(reads), reads.index());
        }));
    }

    /** Bad input fails here, before a round trip to the leader that would refuse it anyway. */
    private CompletionStage<Void> submit(Supplier<CatalogCommand> command) {
        CatalogCommand built;
        try {
            built = command.get();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return raft.submit(CatalogStateMachine.COMMAND_TYPE, built.encode()).thenApply(result -> {
            CatalogStateMachine.decodeResult(result.result()).ifPresent(reason -> {
                throw new CommandRejectedException(reason);
            });
            return null;
        });
    }
}
