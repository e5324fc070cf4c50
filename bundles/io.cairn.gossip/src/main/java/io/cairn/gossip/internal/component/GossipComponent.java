package io.cairn.gossip.internal.component;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.agent.api.AgentInfo;
import io.cairn.gossip.api.BroadcastListener;
import io.cairn.gossip.api.Keyring;
import io.cairn.gossip.api.Membership;
import io.cairn.gossip.api.MembershipListener;
import io.cairn.gossip.api.QueryHandler;
import io.cairn.gossip.internal.clock.ExecutorScheduler;
import io.cairn.gossip.internal.crypto.EncryptedTransport;
import io.cairn.gossip.internal.crypto.GossipKeyring;
import io.cairn.gossip.internal.crypto.Sealer;
import io.cairn.gossip.internal.swim.GossipPool;
import io.cairn.gossip.internal.swim.SwimConfig;
import io.cairn.gossip.internal.transport.NetTransport;
import io.cairn.gossip.internal.transport.Transport;
import io.cairn.health.api.GoDuration;
import io.cairn.http.api.HttpEndpoints;

/**
 * Runs this agent's gossip pools (configuration PID {@code io.cairn.gossip}): the LAN pool on the agent's LAN
 * gossip port, and on servers the WAN pool on the WAN port with the member name {@code <node>.<dc>}; each is
 * registered as a {@link Membership} service with {@value Membership#POOL}. Joins the {@code retry_join}
 * addresses until one answers, encrypts with the keyring in {@code <data dir>/serf} (started from the
 * configuration's {@code encrypt} secret, see {@link AgentInfo#secret}) and then registers the cluster
 * {@link Keyring}, serves the membership endpoints, and hands what the pools report to the whiteboard listeners. When stopped, leaves gracefully if
 * {@code leave_on_terminate} applies.
 * <p>
 * The listeners are method references rather than constructor arguments, and the pools start in
 * {@link #activate}, so that the listeners present at start are bound before the first member event.
 */
@Component(name = "io.cairn.gossip", configurationPid = "io.cairn.gossip",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {}, immediate = true)
@Designate(ocd = GossipConfig.class)
public final class GossipComponent {
    private static final Logger LOG = LoggerFactory.getLogger(GossipComponent.class);
    /** Consul refuses a shorter {@code reconnect_timeout}. */
    static final Duration MIN_RECONNECT_TIMEOUT = Duration.ofHours(8);
    /** Long enough for the leave's answer to reach the client before the HTTP server goes. */
    private static final Duration STOP_AFTER_LEAVE = Duration.ofMillis(500);

    private final Whiteboard whiteboard = new Whiteboard();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final List<RunningPool> pools = new ArrayList<>();
    private boolean leaveOnTerminate;
    private boolean skipLeaveOnInterrupt;
    private ShutdownSignal shutdownSignal;

    @Reference
    private AgentInfo agent;

    private record RunningPool(PoolMembership membership, ExecutorScheduler scheduler, Optional<RetryJoin> retry,
            Optional<GossipKeyring> keyring, SwimConfig config) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addMembershipListener(MembershipListener listener, Map<String, Object> properties) {
        whiteboard.add(listener, properties);
    }

    void removeMembershipListener(MembershipListener listener) {
        whiteboard.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addBroadcastListener(BroadcastListener listener, Map<String, Object> properties) {
        whiteboard.add(listener, properties);
    }

    void removeBroadcastListener(BroadcastListener listener) {
        whiteboard.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addQueryHandler(QueryHandler handler, Map<String, Object> properties) {
        whiteboard.add(handler, properties);
    }

    void removeQueryHandler(QueryHandler handler) {
        whiteboard.remove(handler);
    }

    @Activate
    synchronized void activate(GossipConfig config, BundleContext context) throws IOException {
        leaveOnTerminate = RoleDefault.resolve("leave_on_terminate", config.leave_on_terminate(), agent.server(),
                false);
        skipLeaveOnInterrupt = RoleDefault.resolve("skip_leave_on_interrupt", config.skip_leave_on_interrupt(),
                agent.server(), true);
        Duration reconnect = GoDuration.parse(config.reconnect_timeout());
        if (reconnect.compareTo(MIN_RECONNECT_TIMEOUT) < 0) {
            throw new IllegalArgumentException("reconnect_timeout must be at least 8h, not "
                    + config.reconnect_timeout());
        }
        Duration retryInterval = GoDuration.parse(config.retry_interval());
        Map<String, String> tags = MemberTags.of(agent, config.bootstrap_expect());
        // the configured key (base64 of 32 bytes; none: unencrypted) only seeds a keyring file that does not exist
        String encrypt = agent.secret("encrypt");
        try {
            RunningPool lan = start(Membership.LAN, agent.nodeName(), agent.serfLanPort(), GossipKeyring.LAN_FILE,
                    SwimConfig.lan().withReconnectTimeout(reconnect), tags, encrypt,
                    JoinAddresses.split(config.retry_join()), retryInterval);
            Optional<Membership> wan = Optional.empty();
            if (agent.server()) {
                RunningPool started = start(Membership.WAN, agent.nodeName() + "." + agent.datacenter(),
                        agent.serfWanPort(), GossipKeyring.WAN_FILE, SwimConfig.wan().withReconnectTimeout(reconnect),
                        tags, encrypt, JoinAddresses.split(config.retry_join_wan()), retryInterval);
                wan = Optional.of(started.membership());
            }
            for (RunningPool pool : pools) {
                registrations.add(context.registerService(Membership.class, pool.membership(),
                        FrameworkUtil.asDictionary(Map.of(Membership.POOL, pool.membership().pool()))));
            }
            Optional<Keyring> keyring = clusterKeyring();
            keyring.ifPresent(k -> registrations.add(context.registerService(Keyring.class, k, null)));
            registrations.add(context.registerService(HttpEndpoints.class,
                    new GossipEndpoints(lan.membership(), wan, keyring, () -> stopAgent(context)), null));
            pools.forEach(pool -> pool.retry().ifPresent(RetryJoin::start));
            shutdownSignal = new ShutdownSignal();
        } catch (IOException | RuntimeException e) {
            stopAll(false);
            throw e;
        }
    }

    /**
     * Leaves the pools first when the agent's settings say so for what stops it: SIGINT unless
     * {@code skip_leave_on_interrupt}; SIGTERM, or the gossip feature being stopped, if {@code leave_on_terminate}.
     */
    @Deactivate
    synchronized void deactivate() {
        boolean leave = shutdownSignal != null && shutdownSignal.cause() == ShutdownSignal.Cause.INTERRUPT
                ? !skipLeaveOnInterrupt : leaveOnTerminate;
        if (shutdownSignal != null) {
            shutdownSignal.close();
        }
        stopAll(leave);
    }

    /** After a leave requested over HTTP the agent stops, as Consul's does; the answer goes out first. */
    private static void stopAgent(BundleContext context) {
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(STOP_AFTER_LEAVE.toMillis());
                LOG.info("Left the cluster: the agent stops");
                context.getBundle(Constants.SYSTEM_BUNDLE_ID).stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("Stopping the agent after its leave failed: {}", e.toString());
            }
        }, "cairn-gossip-leave");
        stopper.setDaemon(true);
        stopper.start();
    }

    private RunningPool start(String name, String member, int port, String keyringFile, SwimConfig config,
            Map<String, String> tags, String encrypt, List<String> retryJoin, Duration retryInterval)
            throws IOException {
        Optional<GossipKeyring> keyring = keyring(keyringFile, encrypt);
        Transport transport = new NetTransport(new InetSocketAddress(agent.bindAddress(), port),
                InetAddress.getByName(agent.advertiseAddress()), NetTransport.Limits.DEFAULT);
        if (keyring.isPresent()) {
            transport = new EncryptedTransport(transport, new Sealer(keyring.get()));
        }
        ExecutorScheduler scheduler = new ExecutorScheduler("cairn-gossip-" + name);
        GossipPool gossip = new GossipPool(member, tags, config, transport, scheduler, new Random(),
                whiteboard.listenerFor(name, (query, payload) -> keyring.flatMap(
                        k -> ClusterKeyring.answer(k, query, payload))));
        try {
            gossip.start();
        } catch (IOException | RuntimeException e) {
            transport.close();
            scheduler.close();
            throw e;
        }
        PoolMembership membership = new PoolMembership(name, gossip, port);
        Optional<RetryJoin> retry = retryJoin.isEmpty() ? Optional.empty()
                : Optional.of(new RetryJoin(name, membership, retryJoin, retryInterval, scheduler));
        RunningPool pool = new RunningPool(membership, scheduler, retry, keyring, config);
        pools.add(pool);
        LOG.info("Gossip {} pool: member {} at {}{}", name, member, transport.localAddress(),
                keyring.isPresent() ? ", encrypted" : "");
        return pool;
    }

    /** The keyring file wins over {@code encrypt}; a dev agent keeps its keys in memory only. */
    private Optional<GossipKeyring> keyring(String file, String encrypt) throws IOException {
        boolean configured = encrypt != null && !encrypt.isBlank();
        List<byte[]> keys = new ArrayList<>();
        if (configured) {
            try {
                keys.add(GossipKeyring.decodeKey(encrypt.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("encrypt has invalid key: " + e.getMessage(), e);
            }
        }
        if (agent.dev()) {
            return configured ? Optional.of(GossipKeyring.inMemory(keys)) : Optional.empty();
        }
        Path path = agent.dataDir().resolve("serf").resolve(file);
        if (Files.exists(path)) {
            if (configured) {
                LOG.info("Using the gossip keyring in {}; the encrypt setting only seeds a new keyring", path);
            }
            return Optional.of(GossipKeyring.load(path));
        }
        return configured ? Optional.of(GossipKeyring.create(path, keys)) : Optional.empty();
    }

    private Optional<Keyring> clusterKeyring() {
        List<ClusterKeyring.Pool> encrypted = new ArrayList<>();
        for (RunningPool pool : pools) {
            pool.keyring().ifPresent(keys -> encrypted.add(new ClusterKeyring.Pool(pool.membership(), keys,
                    Membership.WAN.equals(pool.membership().pool()), agent.datacenter(),
                    pool.config().gossipInterval())));
        }
        return encrypted.isEmpty() ? Optional.empty() : Optional.of(new ClusterKeyring(encrypted));
    }

    private void stopAll(boolean leave) {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                LOG.debug("Gossip service already unregistered with the bundle");
            }
        }
        registrations.clear();
        for (RunningPool pool : pools) {
            pool.retry().ifPresent(RetryJoin::stop);
            GossipPool gossip = pool.membership().gossip();
            if (leave) {
                LOG.info("Leaving the gossip {} pool", pool.membership().pool());
                try {
                    gossip.leave(GossipEndpoints.LEAVE_TIMEOUT).toCompletableFuture()
                            .get(GossipEndpoints.LEAVE_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    LOG.warn("Leaving the gossip {} pool did not finish: {}", pool.membership().pool(), e.toString());
                }
            }
            gossip.stop();
            pool.scheduler().close();
        }
        pools.clear();
    }
}
