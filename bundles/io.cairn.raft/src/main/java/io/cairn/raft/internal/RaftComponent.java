package io.cairn.raft.internal;

import java.time.Duration;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
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

import io.cairn.agent.api.AgentInfo;
import io.cairn.agent.api.tls.TlsFiles;
import io.cairn.gossip.api.Membership;
import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.CommandResult;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.RaftConfiguration;
import io.cairn.raft.api.RaftOperator;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.ReadContext;
import io.cairn.raft.api.ServerProgress;
import io.cairn.raft.api.StateView;
import io.cairn.raft.api.snapshots.StateSnapshots;
import io.cairn.raft.internal.cluster.ClusterFormation;
import io.cairn.raft.internal.cluster.PoolServers;
import io.cairn.raft.internal.machine.HandlerRegistry;
import io.cairn.raft.internal.machine.RaftMetrics;
import io.cairn.raft.internal.node.NodeSettings;
import io.cairn.raft.internal.node.RaftNode;
import io.cairn.raft.internal.node.RpcTls;

/**
 * The OSGi face of this server's {@link RaftNode}: tracks the {@link CommandHandler} services and offers the
 * {@link RaftService}, {@link RaftOperator} and {@link StateSnapshots}. It runs on server agents only (an {@link AgentInfo} with
 * {@value AgentInfo#SERVER} true), keeping its log and snapshots under {@code <data dir>/raft}. The service is registered at once; the Raft group
 * forms in the background, and until it has a leader writes and leader reads fail with "No cluster leader".
 */
@Component(service = {RaftService.class, RaftOperator.class, StateSnapshots.class}, configurationPid = "io.cairn.raft",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RaftConfig.class)
public final class RaftComponent implements RaftService, RaftOperator, StateSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(RaftComponent.class);

    private final HandlerRegistry handlers = new HandlerRegistry();
    /** This bundle's meters; published once a MeterRegistry service (the cairn-metrics feature) is bound. */
    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
    private final RaftNode node;
    private final ClusterFormation formation;

    /**
     * @param agent this agent's identity; the target keeps Raft off client agents
     */
    @Activate
    public RaftComponent(RaftConfig config,
            @Reference(name = "agent", target = "(" + AgentInfo.SERVER + "=true)") AgentInfo agent,
            @Reference(name = "lan", target = "(" + Membership.POOL + "=" + Membership.LAN + ")") Membership lan) {
        NodeSettings settings = new NodeSettings(agent.nodeName(), agent.datacenter(), agent.dataDir().resolve("raft"),
                agent.bindAddress(), agent.advertiseAddress(), agent.serverPort(), config.snapshot_threshold(),
                NodeSettings.DEFAULT_SEGMENT_BYTES, config.bootstrap_expect(), rpcTls(config, agent.datacenter()),
                Duration.ofMillis(config.rpc_hold_timeout_millis()), Duration.ofSeconds(config.tombstone_ttl_seconds()));
        node = new RaftNode(settings, handlers, new RaftMetrics(meters));
        formation = new ClusterFormation(node, settings.bootstrapExpect(), new PoolServers(lan, agent.datacenter()));
        // Ratis starts in seconds: never on this (the DS activation) thread
        formation.start();
        LOG.info("Raft server {} activated (raft {}{}, bootstrap-expect {})", settings.nodeName(),
                settings.raftAddress(), settings.tls() == null ? "" : " with TLS", config.bootstrap_expect());
    }

    /**
     * TLS of the Raft port if a {@code verify_*} setting asks for it, else {@code null}: as in Consul, certificate
     * files alone do not make servers talk TLS to each other. {@code verify_server_hostname} implies
     * {@code verify_outgoing}.
     */
    private static RpcTls rpcTls(RaftConfig config, String datacenter) {
        boolean verifyOutgoing = config.tls_verify_outgoing() || config.tls_verify_server_hostname();
        if (!config.tls_verify_incoming() && !verifyOutgoing) {
            return null;
        }
        TlsFiles files = new TlsFiles(path(config.tls_ca_file()), path(config.tls_ca_path()),
                path(config.tls_cert_file()), path(config.tls_key_file()));
        return new RpcTls(files, config.tls_verify_incoming(), verifyOutgoing,
                config.tls_verify_server_hostname() ? RpcTls.serverName(datacenter) : null, config.tls_min_version());
    }

    private static Path path(String setting) {
        return setting.isEmpty() ? null : Path.of(setting);
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

    @Override
    public CompletionStage<Void> removeServer(String id) {
        return node.removeServer(id);
    }

    @Override
    public CompletionStage<String> transferLeadership(Optional<String> id) {
        return node.transferLeadership(id);
    }

    @Override
    public CompletionStage<List<ServerProgress>> progress() {
        return node.progress();
    }

    @Override
    public Position export(OutputStream out) throws IOException {
        return node.export(out);
    }

    @Override
    public CompletionStage<Long> restore(byte[] image) {
        return node.restore(image);
    }
}
