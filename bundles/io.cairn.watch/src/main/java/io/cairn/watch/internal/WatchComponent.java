package io.cairn.watch.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

import io.cairn.agent.api.AgentInfo;
import io.cairn.agent.api.ConfigReloadListener;
import io.cairn.watch.plan.AgentWatches;
import io.cairn.watch.plan.WatchDefinition;

/**
 * Runs the {@code watches} of the agent's config dirs and files, re-reading them whenever the agent reloads its
 * configuration (SIGHUP, {@code /v1/agent/reload}, {@code cairn reload}). Watches query the agent's own HTTP API
 * ({@link AgentInfo#localHttpApi()}, with {@link AgentInfo#localHttpApiTls()}).
 */
@Component(name = "io.cairn.watch", configurationPid = "io.cairn.watch",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {AgentWatches.class, ConfigReloadListener.class})
@Designate(ocd = WatchComponent.Config.class)
public final class WatchComponent implements AgentWatches, ConfigReloadListener {
    private static final Logger LOG = LoggerFactory.getLogger(WatchComponent.class);

    @ObjectClassDefinition(name = "Cairn agent watches", description = "Where the agent's watches are defined")
    public @interface Config {
        @AttributeDefinition(description = "Comma-separated config dirs whose *.json files may hold watches")
        String config_dirs() default "";

        @AttributeDefinition(description = "Comma-separated config files that may hold watches")
        String config_files() default "";
    }

    private final ConfigWatches watches;
    private final ExecutorService reloads;

    @Activate
    public WatchComponent(Config config, @Reference(name = "agent") AgentInfo agent) {
        watches = new ConfigWatches(agent.localHttpApi(), agent.localHttpApiTls(), paths(config.config_dirs()),
                paths(config.config_files()), LOG::warn);
        reloads = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "cairn-watch-reload");
            thread.setDaemon(true);
            return thread;
        });
        reloads.execute(this::reloadAndLog);
    }

    @Override
    public void configReloaded() {
        reloads.execute(this::reloadAndLog);
    }

    private void reloadAndLog() {
        reload().forEach(problem -> LOG.error("Watch config: {}", problem));
        LOG.info("{} watch(es) running", watches.size());
    }

    @Override
    public List<WatchDefinition> running() {
        return watches.definitions();
    }

    @Override
    public List<String> reload() {
        return watches.reload();
    }

    @Deactivate
    void deactivate() {
        reloads.shutdownNow();
        watches.stop();
    }

    private static List<Path> paths(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Path::of).toList();
    }
}
