package io.cairn.exec.internal;

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

import io.cairn.acl.api.AclResolver;
import io.cairn.agent.api.AgentInfo;
import io.cairn.event.api.UserEvents;

/**
 * Remote exec on this agent: jobs from {@code _rexec} events addressed to it run here, unless
 * {@code disable.remote.exec} is true, which is the default (as in Consul, an agent must be told to allow it). Jobs
 * are read and their results written through the agent's own HTTP API ({@link AgentInfo#localHttpApi()}, over
 * HTTPS when that is all it serves).
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
    }

    private final ExecutorService jobs;
    private final RemoteExec remoteExec;

    @Activate
    public RemoteExecComponent(Config config, @Reference(name = "events") UserEvents events,
            @Reference(name = "agent") AgentInfo agent, @Reference(name = "acl") AclResolver acl) {
        jobs = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "cairn-rexec-job");
            thread.setDaemon(true);
            return thread;
        });
        JobRunner runner = new JobRunner(new AgentKv(agent, acl::agentSecret), agent.nodeName(), LOG::warn);
        remoteExec = new RemoteExec(events, !config.disable_remote_exec(), runner::run, jobs, LOG::info);
        remoteExec.start();
        LOG.info("Remote exec is {}", config.disable_remote_exec() ? "disabled" : "enabled");
    }

    @Deactivate
    void deactivate() {
        remoteExec.stop();
        jobs.shutdownNow();
    }
}
