package io.cairn.agent.internal;

import java.util.Map;

import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.ComponentFactory;
import org.osgi.service.component.ComponentInstance;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.agent.api.AgentIdentity;
import io.cairn.agent.api.AgentInfo;

/**
 * Publishes this agent's identity (configuration PID {@code io.cairn.agent}) as the {@link AgentInfo} service.
 * The service property {@value AgentInfo#SERVER} is computed from the configuration, which a component's own
 * properties cannot be, so the service is an instance of the {@link AgentInfoComponent} factory: still a
 * Declarative Services component, which the HTTP server's boot readiness can tell will never match a target.
 */
@Component(name = "io.cairn.agent.identity", configurationPid = "io.cairn.agent",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {}, immediate = true)
@Designate(ocd = AgentConfig.class)
public final class AgentIdentityPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(AgentIdentityPublisher.class);

    private final ComponentInstance<AgentInfo> published;

    @Activate
    public AgentIdentityPublisher(AgentConfig config, @Reference(name = "factory",
            target = "(component.factory=" + AgentInfoComponent.FACTORY + ")") ComponentFactory<AgentInfo> factory) {
        AgentIdentity agent = IdentityConfig.identity(config, LocalHost.SYSTEM);
        published = factory.newInstance(FrameworkUtil.asDictionary(
                Map.of(AgentInfo.SERVER, agent.server(), AgentInfoComponent.IDENTITY, agent)));
        LOG.info("Agent {} in {}: {}, advertised at {}, HTTP on {}:{}", agent.nodeName(), agent.datacenter(),
                agent.server() ? "server" : "client", agent.advertiseAddress(), agent.clientAddress(),
                agent.httpPort());
    }

    @Deactivate
    void deactivate() {
        published.dispose();
    }
}
