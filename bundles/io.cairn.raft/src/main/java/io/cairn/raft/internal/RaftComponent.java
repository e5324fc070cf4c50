package io.cairn.raft.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.CommandResult;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.RaftConfiguration;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.ReadContext;
import io.cairn.raft.api.StateView;
import io.cairn.raft.internal.cluster.ClusterFormation;
import io.cairn.raft.internal.machine.HandlerRegistry;
import io.cairn.raft.internal.machine.RaftMetrics;
import io.cairn.raft.internal.node.NodeSettings;
import io.cairn.raft.internal.node.RaftNode;

/**
 * The OSGi face of this server's {@link RaftNode}: tracks the {@link CommandHandler} services and offers the
 * {@link RaftService}. The service is registered at once; the Raft group forms in the background, and until it
 * has a leader writes and leader reads fail with "No cluster leader".
 */
@Component(service = RaftService.class, configurationPid = "io.cairn.raft",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RaftConfig.class)
public final class RaftComponent implements RaftService {

    private static final Logger LOG = LoggerFactory.getLogger(RaftComponent.class);

    private final HandlerRegistry handlers = new HandlerRegistry();
    /** This bundle's meters; published once a MeterRegistry service (the cairn-metrics feature) is bound. */
    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
    private final RaftNode node;
    private final ClusterFormation formation;

    @Activate
    public RaftComponent(RaftConfig config) throws IOException {
        String advertise = advertiseAddress(config);
        NodeSettings settings = new NodeSettings(nodeName(config), config.datacenter(),
                Path.of(config.data_dir(), "raft"), config.bind_address(), advertise, config.server_port(),
                config.snapshot_threshold(), NodeSettings.DEFAULT_SEGMENT_BYTES);
        node = new RaftNode(settings, handlers, new RaftMetrics(meters));
        try {
            formation = new ClusterFormation(node, config.bootstrap_expect(), retryJoin(config.retry_join()),
                    new InetSocketAddress(config.bind_address(), config.serf_lan_port()),
                    advertise + ":" + config.serf_lan_port());
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
        // Ratis starts in seconds: never on this (the DS activation) thread
        formation.start();
        LOG.info("Raft server {} activated (raft {}, join port {}, bootstrap-expect {})", settings.nodeName(),
                settings.raftAddress(), config.serf_lan_port(), config.bootstrap_expect());
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        formation.close();
        node.close();
    }

    @Reference(service = CommandHandler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(" + CommandHandler.TYPE + "=*)")
    void addHandler(CommandHandler handler, Map<String, Object> properties) {
        handlers.add(String.valueOf(properties.get(CommandHandler.TYPE)), handler,
                properties.get("service.ranking") instanceof Integer i ? i : 0,
                properties.get("service.id") instanceof Long l ? l : Long.MAX_VALUE);
    }

    void removeHandler(CommandHandler handler, Map<String, Object> properties) {
        handlers.remove(String.valueOf(properties.get(CommandHandler.TYPE)), handler);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addMeterRegistry(MeterRegistry registry) {
        meters.add(registry);
    }

    void removeMeterRegistry(MeterRegistry registry) {
        meters.remove(registry);
    }

    @Override
    public CompletionStage<CommandResult> submit(String type, byte[] payload) {
        return node.submit(type, payload);
    }

    @Override
    public CompletionStage<ReadContext> barrier(Consistency consistency) {
        return node.barrier(consistency);
    }

    @Override
    public StateView state() {
        return node.state();
    }

    @Override
    public CompletableFuture<Long> awaitChange(String table, String prefix, long afterIndex) {
        return node.awaitChange(table, prefix, afterIndex);
    }

    @Override
    public Optional<String> leader() {
        return node.leader();
    }

    @Override
    public boolean isLeader() {
        return node.isLeader();
    }

    @Override
    public RaftConfiguration configuration() {
        return node.configuration();
    }

    private static String nodeName(RaftConfig config) throws UnknownHostException {
        return config.node_name().isBlank() ? InetAddress.getLocalHost().getHostName() : config.node_name().trim();
    }

    private static String advertiseAddress(RaftConfig config) throws UnknownHostException {
        if (!config.advertise_address().isBlank()) {
            return config.advertise_address().trim();
        }
        InetAddress bind = InetAddress.getByName(config.bind_address());
        return bind.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostAddress() : bind.getHostAddress();
    }

    static List<String> retryJoin(String[] values) {
        return Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }
}
