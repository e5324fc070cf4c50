package io.cairn.agent.shell.internal;

import java.util.Optional;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.Authorizer;
import io.cairn.acl.api.ResolvedToken;
import io.cairn.agent.api.Agent;
import io.cairn.agent.api.Maintenance;
import io.cairn.agent.definitions.ServiceDefinition;
import io.cairn.shell.support.ConsoleAcl;
import io.cairn.shell.support.Failures;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;

/**
 * What the console session's token may do to this agent, decided as the {@code /v1/agent} endpoints decide it: a
 * local service instance is read and changed under its service's name ({@code service:read},
 * {@code service:write}), the node under this agent's node name ({@code node:read}, {@code node:write}), the agent
 * itself with {@code agent:write}. An unknown service ID is not vetted: the agent refuses it with its own text.
 */
final class AgentAcl {
    private final Agent agent;
    private final ResolvedToken token;

    private AgentAcl(Agent agent, ResolvedToken token) {
        this.agent = agent;
        this.token = token;
    }

    /** The decisions of {@code session}'s token about {@code agent}. */
    static AgentAcl of(Session session, AclResolver resolver, Agent agent) throws CommandException {
        return new AgentAcl(agent, ConsoleAcl.of(session, resolver));
    }

    Authorizer authorizer() {
        return token.authorizer();
    }

    /** Whether the token may see this maintenance: the node's needs {@code node:read}, a service's its read. */
    boolean mayRead(Maintenance maintenance) {
        return maintenance.node() ? token.authorizer().nodeRead(nodeName())
                : serviceName(maintenance.serviceId()).map(token.authorizer()::serviceRead).orElse(false);
    }

    /** Registering {@code service}: write on its name, and on the name of the instance it replaces. */
    void requireRegister(ServiceDefinition service) throws CommandException {
        requireServiceWrite(service.name());
        requireServiceUpdate(service.id());
    }

    /** Changing the instance {@code serviceId} (deregistration, maintenance): write on its service's name. */
    void requireServiceUpdate(String serviceId) throws CommandException {
        Optional<String> name = serviceName(serviceId);
        if (name.isPresent()) {
            requireServiceWrite(name.get());
        }
    }

    /** Changing this agent's node (node maintenance). */
    void requireNodeWrite() throws CommandException {
        if (!token.authorizer().nodeWrite(nodeName())) {
            throw Failures.fail(token.permissionDenied("node:write", nodeName()));
        }
    }

    /** Operating the agent itself (reloads). */
    void requireAgentWrite() throws CommandException {
        if (!token.authorizer().agentWrite(nodeName())) {
            throw Failures.fail(token.permissionDenied("agent:write", nodeName()));
        }
    }

    private void requireServiceWrite(String service) throws CommandException {
        if (!token.authorizer().serviceWrite(service)) {
            throw Failures.fail(token.permissionDenied("service:write", service));
        }
    }

    private String nodeName() {
        return agent.self().name();
    }

    private Optional<String> serviceName(String serviceId) {
        return agent.services().stream().filter(s -> s.id().equals(serviceId)).map(ServiceDefinition::name)
                .findFirst();
    }
}
