package io.cairn.replicate.internal;

import io.cairn.agent.api.AgentInfo;
import io.cairn.agent.api.ConfigReloadListener;
import io.cairn.replicate.HttpReplicaApi;
import io.cairn.replicate.ReplicateLog;
import io.cairn.replicate.Replicator;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code cairn replicate} inside the agent when its config dirs or files hold a {@code replicate} stanza
 * ({@link ReplicateStanza}), re-read whenever the agent reloads its configuration (SIGHUP, {@code cairn reload},
 * {@code PUT /v1/agent/reload}); without one it does nothing. The replicator talks to the agent's own HTTP API
 * ({@link AgentInfo#localHttpApi()} with {@link AgentInfo#localHttpApiTls()}) and retries failures without limit.
 */
@Component(name = "io.cairn.replicate", configurationPid = "io.cairn.replicate",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = ConfigReloadListener.class, immediate = true)
@Designate(ocd = ReplicateComponent.Config.class)
public final class ReplicateComponent implements ConfigReloadListener {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicateComponent.class);
    private static final ReplicateLog LOG_SINK = new ReplicateLog() {
        @Override
        public void debug(String message) {
            LOG.debug(message);
        }

        @Override
        public void info(String message) {
            LOG.info(message);
        }

        @Override
        public void warn(String message) {
            LOG.warn(message);
        }

        @Override
        public void error(String message) {
            LOG.error(message);
        }
    };

    @ObjectClassDefinition(name = "Cairn replicate", description = "consul-replicate inside the agent")
    public @interface Config {
        @AttributeDefinition(description = "Comma-separated config dirs whose files may hold the replicate stanza")
        String config_dirs() default "";

        @AttributeDefinition(description = "Comma-separated config files that may hold the replicate stanza")
        String config_files() default "";
    }

    private final AgentInfo agent;
    private final List<Path> dirs;
    private final List<Path> files;
    private final ExecutorService reloads = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "cairn-replicate-config");
        thread.setDaemon(true);
        return thread;
    });
    /** Touched on the reloads thread only. */
    private Optional<ReplicateStanza> current = Optional.empty();
    private Replicator replicator;

    @Activate
    public ReplicateComponent(Config config, @Reference(name = "agent") AgentInfo agent) {
        this.agent = agent;
        this.dirs = paths(config.config_dirs());
        this.files = paths(config.config_files());
        reloads.execute(this::reread);
    }

    @Override
    public void configReloaded() {
        reloads.execute(this::reread);
    }

    private void reread() {
        ReplicateStanza.Read read = ReplicateStanza.read(dirs, files);
        read.problems().forEach(problem -> LOG.error("Replicate config: {}", problem));
        if (read.stanza().equals(current)) {
            return;
        }
        stopReplicator();
        current = read.stanza();
        current.ifPresent(this::start);
    }

    private void start(ReplicateStanza stanza) {
        Replicator started = new Replicator(stanza.settings(), new HttpReplicaApi(agent.localHttpApi(),
                stanza.token(), agent.localHttpApiTls()), LOG_SINK);
        Thread thread = new Thread(() -> {
            try {
                started.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IllegalArgumentException e) {
                LOG.error("Replicate config: {}", e.getMessage());
            }
        }, "cairn-replicate");
        thread.setDaemon(true);
        thread.start();
        replicator = started;
        LOG.info("replicating {} into this datacenter", stanza.settings().prefixes());
    }

    private void stopReplicator() {
        if (replicator != null) {
            replicator.stop();
            replicator = null;
        }
    }

    @Deactivate
    void deactivate() {
        reloads.execute(this::stopReplicator);
        reloads.shutdown();
    }

    private static List<Path> paths(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of)
                .toList();
    }
}
