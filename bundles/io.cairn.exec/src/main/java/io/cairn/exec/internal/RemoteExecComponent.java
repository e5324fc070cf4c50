package io.cairn.exec.internal;

import java.net.URI;
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

import io.cairn.agent.api.Agent;
import io.cairn.event.api.UserEvents;

/**
 * Remote exec on this agent: jobs from {@code _rexec} events addressed to it run here, unless
 * {@code disable.remote.exec} is true, which is the default (as in Consul, an agent must be told to allow it).
 */
@Component(name = "io.cairn.exec", configurationPid = "io.cairn.exec",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {})
@Designate(ocd = RemoteExecComponent.Config.class)
public final class RemoteExecComponent {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteExecComponent.class);

    @ObjectClassDefinition(name = "Cairn remote exec", description = "Whether and how this agent runs cairn exec jobs")
    public @interface Config {
        @AttributeDefinition(description = "Refuse remote exec jobs (Consul's disable_remote_exec, default true)")
        boolean disable_remote_exec() default true;

        @AttributeDefinition(description = "Address of this agent's HTTP API (0.0.0.0 is reached on 127.0.0.1)")
        String client_address() default "127.0.0.1";

        @AttributeDefinition(description = "Port of this agent's HTTP API")
        int http_port() default 8500;
    }

    private final ExecutorService jobs;
    private final RemoteExec remoteExec;

    @Activate
    public RemoteExecComponent(Config config, @Reference(name = "events") UserEvents events,
            @Reference(name = "agent") Agent agent) {
        jobs = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "cairn-rexec-job");
            thread.setDaemon(true);
            return thread;
        });
        AgentKv kv = new AgentKv(URI.create("http://" + reachable(config.client_address()) + ":" + config.http_port()));
        JobRunner runner = new JobRunner(kv, agent.self().name(), LOG::warn);
        remoteExec = new RemoteExec(events, !config.disable_remote_exec(), runner::run, jobs, LOG::info);
        remoteExec.start();
        LOG.info("Remote exec is {}", config.disable_remote_exec() ? "disabled" : "enabled");
    }

    @Deactivate
    void deactivate() {
        remoteExec.stop();
        jobs.shutdownNow();
    }

    /** An agent listening on every interface is reached on the loopback address. */
    static String reachable(String clientAddress) {
        return switch (clientAddress) {
            case "0.0.0.0", "" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> clientAddress.contains(":") && !clientAddress.startsWith("[") ? "[" + clientAddress + "]"
                    : clientAddress;
        };
    }
}
