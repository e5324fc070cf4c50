package io.cairn.agent.shell.internal;

import java.io.PrintStream;

import io.cairn.acl.api.AclResolver;
import io.cairn.agent.api.Agent;
import io.cairn.shell.support.Failures;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code agent:maint}, like {@code cairn maint}: puts the node, or with {@code --service} one of its services,
 * into maintenance mode and takes it out again; without {@code --enable}/{@code --disable} shows what is in
 * maintenance now.
 * <p>
 * ACLs as the {@code /v1/agent} endpoints apply them: the node's maintenance needs {@code node:write} on this
 * node, a service's {@code service:write} on its service; the listing leaves out what the token may not read.
 */
@Command(scope = "agent", name = "maint", description = "Controls node or service maintenance mode")
@Service
public class MaintCommand implements Action {

    @Reference
    Agent agent;

    @Reference
    AclResolver resolver;

    @Reference
    Session session;

    @Option(name = "--enable", aliases = "-enable", description = "Enable maintenance mode")
    boolean enable;

    @Option(name = "--disable", aliases = "-disable", description = "Disable maintenance mode")
    boolean disable;

    @Option(name = "--reason", aliases = "-reason", description = "Why, shown in the maintenance check's notes"
            + " (with --enable)")
    String reason = "";

    @Option(name = "--service", aliases = "-service", description = "The ID of the service to act on instead of"
            + " the whole node")
    String service = "";

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws Exception {
        if (enable && disable) {
            throw Failures.fail("Only one of -enable or -disable may be provided");
        }
        if (!enable && !reason.isEmpty()) {
            throw Failures.fail("Reason may only be provided with -enable");
        }
        if (!enable && !disable && !service.isEmpty()) {
            throw Failures.fail("Service requires either -enable or -disable");
        }
        AgentAcl acl = AgentAcl.of(session, resolver, agent);
        if (!enable && !disable) {
            out.print(AgentFormat.maintenance(agent.self().name(),
                    agent.maintenance().stream().filter(acl::mayRead).toList()));
            return;
        }
        if (service.isEmpty()) {
            acl.requireNodeWrite();
        } else {
            acl.requireServiceUpdate(service);
        }
        String state = enable ? "enabled" : "disabled";
        try {
            if (service.isEmpty()) {
                agent.nodeMaintenance(enable, reason);
            } else {
                agent.serviceMaintenance(service, enable, reason);
            }
        } catch (IllegalArgumentException e) {
            throw Failures.fail("Error " + (enable ? "enabling " : "disabling ")
                    + (service.isEmpty() ? "node" : "service") + " maintenance: " + e.getMessage());
        }
        out.println(service.isEmpty() ? "Node maintenance is now " + state
                : "Service maintenance is now " + state + " for " + AgentFormat.quoted(service));
    }
}
