package io.cairn.agent.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.cairn.agent.api.AgentIdentity;
import io.cairn.agent.api.AgentInfo;
import io.cairn.agent.api.tls.TlsFiles;

/**
 * The {@link AgentInfo} service: instances are created by {@link AgentIdentityPublisher} through this component's
 * factory, with the service property {@value AgentInfo#SERVER} as a Boolean and the identity itself as the private
 * property {@value #IDENTITY}.
 */
@Component(factory = AgentInfoComponent.FACTORY, service = AgentInfo.class)
public final class AgentInfoComponent implements AgentInfo {
    /** The component factory's name. */
    static final String FACTORY = "io.cairn.agent.info";
    /** The private component property (not a service property: it starts with a dot) holding the identity. */
    static final String IDENTITY = ".identity";

    private final AgentIdentity agent;

    @Activate
    public AgentInfoComponent(Map<String, Object> properties) {
        agent = (AgentIdentity) properties.get(IDENTITY);
    }

    @Override
    public String nodeName() {
        return agent.nodeName();
    }

    @Override
    public String nodeId() {
        return agent.nodeId();
    }

    @Override
    public String datacenter() {
        return agent.datacenter();
    }

    @Override
    public boolean server() {
        return agent.server();
    }

    @Override
    public boolean dev() {
        return agent.dev();
    }

    @Override
    public String bindAddress() {
        return agent.bindAddress();
    }

    @Override
    public String advertiseAddress() {
        return agent.advertiseAddress();
    }

    @Override
    public String clientAddress() {
        return agent.clientAddress();
    }

    @Override
    public int httpPort() {
        return agent.httpPort();
    }

    @Override
    public int httpsPort() {
        return agent.httpsPort();
    }

    @Override
    public Optional<TlsFiles> httpsTls() {
        return agent.httpsTls();
    }

    @Override
    public int dnsPort() {
        return agent.dnsPort();
    }

    @Override
    public int serverPort() {
        return agent.serverPort();
    }

    @Override
    public int serfLanPort() {
        return agent.serfLanPort();
    }

    @Override
    public int serfWanPort() {
        return agent.serfWanPort();
    }

    @Override
    public Path dataDir() {
        return agent.dataDir();
    }

    @Override
    public String toString() {
        return agent.toString();
    }
}
