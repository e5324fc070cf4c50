package io.cairn.agent.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.RouteTable;
import io.cairn.raft.api.RaftService;

/** Publishes the agent endpoints ({@code /v1/agent/self}, {@code /v1/status/*}, operator Raft configuration). */
@Component(name = "io.cairn.agent", configurationPid = "io.cairn.agent", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = HttpEndpoints.class)
@Designate(ocd = AgentComponent.Config.class)
public final class AgentComponent implements HttpEndpoints {

    @ObjectClassDefinition(name = "Cairn agent", description = "This agent's identity")
    public @interface Config {
        @AttributeDefinition(description = "Node name")
        String node_name() default "cairn";

        @AttributeDefinition(description = "Node UUID")
        String node_id() default "";

        @AttributeDefinition(description = "Datacenter")
        String datacenter() default "dc1";

        @AttributeDefinition(description = "Whether this agent is a server")
        boolean server() default true;

        @AttributeDefinition(description = "Address other agents reach this one at")
        String advertise_address() default "127.0.0.1";

        @AttributeDefinition(description = "Raft (server RPC) port")
        int server_port() default 8300;

        @AttributeDefinition(description = "LAN join port")
        int serf_lan_port() default 8301;

        @AttributeDefinition(description = "Whether the agent runs in -dev mode")
        boolean dev() default false;
    }

    private final AgentEndpoints endpoints;
    private volatile RaftService raft;

    @Activate
    public AgentComponent(Config config) {
        AgentIdentity identity = new AgentIdentity(config.node_name(), config.node_id(), config.datacenter(),
                config.server(), config.advertise_address(), config.server_port(), config.serf_lan_port(),
                config.dev());
        endpoints = new AgentEndpoints(identity, () -> raft);
    }

    @Override
    public void routes(RouteTable table) {
        endpoints.routes(table);
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
}
