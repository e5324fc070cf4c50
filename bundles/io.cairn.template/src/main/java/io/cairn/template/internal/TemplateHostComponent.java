package io.cairn.template.internal;

import io.cairn.agent.api.AgentInfo;
import io.cairn.agent.api.ConfigReloadListener;
import io.cairn.template.api.TemplateFunction;
import io.cairn.template.internal.ConfigDirTemplates.Stanzas;
import io.cairn.template.internal.config.SslSettings;
import io.cairn.template.internal.runner.GoTemplateCompiler;
import io.cairn.template.internal.runner.HttpQueryClient;
import io.cairn.template.internal.runner.ProcessCommandRunner;
import io.cairn.template.internal.runner.Retry;
import io.cairn.template.internal.runner.Runner;
import io.cairn.template.internal.runner.RunnerConfig;
import io.cairn.template.internal.runner.RunnerLog;
import io.cairn.template.internal.runner.TemplateOutput;
import io.cairn.template.internal.runner.TemplateSpec;
import io.cairn.template.internal.runner.WaitSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders templates inside the running agent, like a consul-template next to it: the {@code template} stanzas of
 * the agent's config dirs and files (read again whenever the agent reloads its configuration: SIGHUP,
 * {@code cairn reload}, {@code PUT /v1/agent/reload}), and the templates of {@code io.cairn.template.file} factory
 * configurations.
 * Queries go to the agent's own HTTP API ({@link AgentInfo#localHttpApi()}, or as the config files'
 * {@code consul.ssl} block says: {@link AgentConnection}); failures are retried without limit (the API may not be up
 * yet) and errors are logged, never fatal. {@link TemplateFunction} services add functions.
 */
@Component(service = {TemplateHostComponent.class, ConfigReloadListener.class}, immediate = true,
        configurationPid = "io.cairn.template", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TemplateHostComponent.Config.class)
public final class TemplateHostComponent implements ConfigReloadListener {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateHostComponent.class);
    /** Unlimited attempts: inside the agent there is nobody to give up to. */
    private static final Retry RETRY = new Retry(true, 0, Duration.ofMillis(250), Duration.ofMinutes(1));

    @ObjectClassDefinition(name = "Cairn templates", description = "consul-template inside the agent")
    public @interface Config {
        @AttributeDefinition(description = "Comma-separated config dirs whose *.json files may hold template stanzas")
        String config_dirs() default "";

        @AttributeDefinition(description = "Comma-separated config files that may hold template stanzas")
        String config_files() default "";
    }

    private final AgentTemplates templates;
    private final ConfigDirTemplates configDir;
    private final ExecutorService configReloads;
    private final FunctionRegistry functions = new FunctionRegistry();
    private HttpQueryClient client;
    private SslSettings ssl = SslSettings.NONE;
    private final RunnerLog log = new RunnerLog() {
        @Override
        public void info(String message) {
            LOG.info(message);
        }

        @Override
        public void warn(String message) {
            LOG.warn(message);
        }
    };

    @Activate
    public TemplateHostComponent(Config config, @Reference(name = "agent") AgentInfo agent)
            throws InterruptedException {
        templates = new AgentTemplates((specs, plugins) -> new Runner(
                new RunnerConfig(specs, WaitSpec.NONE, RunnerConfig.DEFAULT_BLOCK_QUERY_WAIT, RETRY, false, false),
                new GoTemplateCompiler(plugins, System.getenv()), client(agent), TemplateOutput.files(),
                new ProcessCommandRunner(log, false), log, Runner.Listener.NONE, Clock.systemUTC()), log);
        configDir = new ConfigDirTemplates(paths(config.config_dirs()), paths(config.config_files()));
        apply(configDir.changed(log).orElseThrow());
        configReloads = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "cairn-template-config");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The agent's HTTP client, built when the first template runs (and again after the {@code consul.ssl} block
     * changed): building one initialises TLS (~0.3 s of CPU), which an agent without templates, or one still
     * booting, need not pay for.
     */
    private synchronized HttpQueryClient client(AgentInfo agent) {
        if (client == null) {
            client = AgentConnection.client(agent, ssl, log);
        }
        return client;
    }

    /** Takes the stanzas of the config files: TLS first, so that the runner the templates start uses it. */
    private void apply(Stanzas stanzas) throws InterruptedException {
        synchronized (this) {
            if (!stanzas.ssl().equals(ssl)) {
                ssl = stanzas.ssl();
                client = null;
            }
        }
        templates.configDirTemplates(stanzas.templates());
    }

    @Override
    public void configReloaded() {
        configReloads.execute(this::rereadConfigDirs);
    }

    private void rereadConfigDirs() {
        try {
            Optional<Stanzas> changed = configDir.changed(log);
            if (changed.isPresent()) {
                LOG.info("template stanzas of the config dirs changed, now {}", changed.get().templates().size());
                apply(changed.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("cannot re-read the template stanzas of the config dirs", e);
        }
    }

    /** Adds (or replaces) a template from a factory configuration. */
    void putConfigured(String id, TemplateSpec template) {
        try {
            templates.putConfigured(id, template);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void removeConfigured(String id) {
        try {
            templates.removeConfigured(id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindFunction(TemplateFunction function, Map<String, Object> properties) {
        if (!functions.add(function, properties)) {
            LOG.warn("ignoring template function service {}: its {} must be a Go identifier, got {}",
                    properties.get("service.id"), TemplateFunction.NAME, properties.get(TemplateFunction.NAME));
            return;
        }
        applyFunctions();
    }

    void unbindFunction(TemplateFunction function, Map<String, Object> properties) {
        if (functions.remove(properties)) {
            applyFunctions();
        }
    }

    private void applyFunctions() {
        try {
            templates.functions(functions.current());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        configReloads.shutdownNow();
        templates.close();
    }

    private static List<Path> paths(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of)
                .toList();
    }
}
