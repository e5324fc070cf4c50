package io.cairn.agent.internal;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.ops4j.pax.logging.spi.PaxAppender;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.agent.api.Agent;
import io.cairn.agent.api.AgentInfo;
import io.cairn.agent.api.ConfigReloadListener;
import io.cairn.agent.api.Maintenance;
import io.cairn.agent.api.Member;
import io.cairn.agent.definitions.ConfigDirDefinitions;
import io.cairn.agent.definitions.DefinitionException;
import io.cairn.agent.definitions.ServiceDefinition;
import io.cairn.catalog.api.Catalog;
import io.cairn.gossip.api.Membership;
import io.cairn.health.api.CheckState;
import io.cairn.health.api.CheckStateListener;
import io.cairn.health.api.HealthChecks;
import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.RouteTable;
import io.cairn.raft.api.RaftService;

/**
 * The agent: its identity ({@link AgentInfo}) and Raft status endpoints, its local services and checks (from the
 * API and the config dirs), run by the health-check engine when present and kept in the catalog by anti-entropy.
 */
@Component(name = "io.cairn.agent", configurationPid = "io.cairn.agent", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {HttpEndpoints.class, Agent.class})
public final class AgentComponent implements HttpEndpoints, Agent {
    private static final Logger LOG = LoggerFactory.getLogger(AgentComponent.class);
    /** How often the whole local state is compared with the catalog, besides the syncs after each change. */
    private static final long FULL_SYNC_SECONDS = 30;
    private static final long RETRY_SECONDS = 5;

    private final AgentEndpoints endpoints;
    private final AgentStateEndpoints stateEndpoints;
    private final AgentOperations operations;
    private final LocalAgent local;
    private final SyncScheduler sync;
    private final ScheduledExecutorService executor;
    private final List<Path> configDirs;
    private final List<Path> configFiles;
    private final ServiceRegistration<CheckStateListener> listenerRegistration;
    private volatile RaftService raft;
    private volatile Membership lan;
    private volatile Membership wan;
    private final LogMonitor monitor;
    private final ServiceRegistration<PaxAppender> monitorRegistration;
    private final HangupReload hangup;
    private final List<ConfigReloadListener> reloadListeners = new CopyOnWriteArrayList<>();
    private volatile Catalog catalog;
    private volatile HealthChecks engine;

    /**
     * @param config the agent's own keys of PID {@code io.cairn.agent}; its identity comes from {@code identity}
     */
    @Activate
    public AgentComponent(AgentConfig config, @Reference(name = "identity") AgentInfo identity,
            BundleContext context) {
        configDirs = paths(config.config_dirs());
        configFiles = paths(config.config_files());
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "cairn-agent-sync");
            thread.setDaemon(true);
            return thread;
        });
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor = pool;
        Executor quietAfterShutdown = task -> {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                LOG.debug("Agent stopping, sync skipped");
            }
        };
        LocalState state = new LocalState(this::requestSync);
        AntiEntropy antiEntropy = new AntiEntropy(identity, state, () -> catalog);
        sync = new SyncScheduler(quietAfterShutdown, antiEntropy::sync,
                retry -> quietAfterShutdown.execute(() -> {
                    if (!executor.isShutdown()) {
                        executor.schedule(retry, RETRY_SECONDS, TimeUnit.SECONDS);
                    }
                }),
                failure -> LOG.warn("Syncing the agent's services and checks to the catalog failed, will retry: {}",
                        failure.toString()));
        local = new LocalAgent(state, () -> engine, config.enable_script_checks(), config.enable_local_script_checks());
        monitor = new LogMonitor(ZoneId.systemDefault());
        endpoints = new AgentEndpoints(identity, () -> raft,
                new AgentStats(identity, () -> raft, () -> lan, () -> wan, () -> local.state().snapshot()), monitor);
        stateEndpoints = new AgentStateEndpoints(identity, local, this::reload);
        operations = new AgentOperations(identity, local, this::reload, () -> lan);
        reload().forEach(problem -> LOG.error("Config: {}", problem));
        executor.scheduleWithFixedDelay(sync::request, FULL_SYNC_SECONDS, FULL_SYNC_SECONDS, TimeUnit.SECONDS);
        // Registered by hand, not as a service of this component: the engine binds its listeners while it is
        // created, and this component binds the engine, so a DS-provided listener would be a service cycle.
        listenerRegistration = context.registerService(CheckStateListener.class, new EngineListener(), null);
        monitorRegistration = context.registerService(PaxAppender.class, monitor,
                new Hashtable<>(Map.of(LogMonitor.APPENDER_NAME_PROPERTY, LogMonitor.APPENDER_NAME)));
        hangup = new HangupReload(quietAfterShutdown,
                () -> reload().forEach(problem -> LOG.error("Reload: {}", problem)));
    }

    @Deactivate
    void deactivate() {
        hangup.close();
        try {
            listenerRegistration.unregister();
            monitorRegistration.unregister();
        } catch (IllegalStateException e) {
            LOG.debug("Check listener and log monitor already unregistered with the bundle");
        }
        monitor.close();
        executor.shutdownNow();
        HealthChecks checks = engine;
        if (checks != null) {
            local.state().snapshot().checks().forEach(check -> checks.deregister(check.id()));
        }
    }

    @Override
    public void routes(RouteTable table) {
        endpoints.routes(table);
        stateEndpoints.routes(table);
    }

    @Override
    public Member self() {
        return operations.self();
    }

    @Override
    public List<Member> members() {
        return operations.members();
    }

    @Override
    public List<ServiceDefinition> services() {
        return operations.services();
    }

    @Override
    public void registerService(ServiceDefinition service, boolean replaceExistingChecks) {
        operations.registerService(service, replaceExistingChecks);
    }

    @Override
    public void deregisterService(String serviceId) {
        operations.deregisterService(serviceId);
    }

    @Override
    public void nodeMaintenance(boolean enable, String reason) {
        operations.nodeMaintenance(enable, reason);
    }

    @Override
    public void serviceMaintenance(String serviceId, boolean enable, String reason) {
        operations.serviceMaintenance(serviceId, enable, reason);
    }

    @Override
    public List<Maintenance> maintenance() {
        return operations.maintenance();
    }

    /** Engine events about the agent's checks. */
    private final class EngineListener implements CheckStateListener {
        @Override
        public void checkChanged(CheckState state) {
            local.checkChanged(state);
        }

        @Override
        public void criticalTooLong(CheckState state) {
            LOG.info("Deregistering service {}: check {} was critical for longer than {}", state.serviceId(),
                    state.checkId(), state.definition().deregisterCriticalServiceAfter());
            local.criticalTooLong(state);
        }
    }

    /** Reads the config dirs and files again, then tells the reload listeners; returns what could not be loaded. */
    @Override
    public List<String> reload() {
        List<String> problems;
        try {
            problems = local.loadConfig(ConfigDirDefinitions.load(configDirs, configFiles));
        } catch (DefinitionException e) {
            problems = List.of(e.getMessage());
        }
        for (ConfigReloadListener listener : reloadListeners) {
            try {
                listener.configReloaded();
            } catch (RuntimeException e) {
                LOG.warn("A configuration reload listener failed", e);
            }
        }
        return problems;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addReloadListener(ConfigReloadListener listener) {
        reloadListeners.add(listener);
    }

    void removeReloadListener(ConfigReloadListener listener) {
        reloadListeners.remove(listener);
    }

    private void requestSync() {
        sync.request();
    }

    private static List<Path> paths(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Path::of).toList();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + Membership.POOL + "=" + Membership.LAN + ")")
    synchronized void setLan(Membership pool) {
        lan = pool;
    }

    synchronized void unsetLan(Membership pool) {
        if (lan == pool) {
            lan = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + Membership.POOL + "=" + Membership.WAN + ")")
    synchronized void setWan(Membership pool) {
        wan = pool;
    }

    synchronized void unsetWan(Membership pool) {
        if (wan == pool) {
            wan = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void setRaft(RaftService service) {
        raft = service;
    }

    synchronized void unsetRaft(RaftService service) {
        // With GREEDY a replacement may be bound before the old one is unbound; keep the replacement.
        if (raft == service) {
            raft = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void setCatalog(Catalog service) {
        catalog = service;
        sync.request();
    }

    synchronized void unsetCatalog(Catalog service) {
        if (catalog == service) {
            catalog = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void setEngine(HealthChecks service) {
        engine = service;
        local.engineArrived(service);
    }

    synchronized void unsetEngine(HealthChecks service) {
        if (engine == service) {
            engine = null;
        }
    }
}
