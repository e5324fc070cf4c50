package io.cairn.watch.shell.internal;

import java.io.PrintStream;
import java.util.List;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.ResolvedToken;
import io.cairn.agent.api.AgentInfo;
import io.cairn.shell.support.ConsoleAcl;
import io.cairn.shell.support.Failures;
import io.cairn.watch.plan.AgentWatches;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code watch:reload}: reads the watches of the agent's config files again, as SIGHUP does. Needs
 * {@code agent:write} on this agent, as {@code /v1/agent/reload} does.
 */
@Command(scope = "watch", name = "reload", description = "Re-reads the watches of the agent's config files")
@Service
public class ReloadCommand implements Action {

    @Reference
    AgentWatches watches;

    @Reference
    AgentInfo agent;

    @Reference
    AclResolver resolver;

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws Exception {
        String node = agent.nodeName();
        ResolvedToken token = ConsoleAcl.of(session, resolver);
        if (!token.authorizer().agentWrite(node)) {
            throw Failures.fail(token.permissionDenied("agent:write", node));
        }
        List<String> problems = watches.reload();
        problems.forEach(problem -> out.println("Error: " + problem));
        out.println(watches.running().size() + " watch(es) running");
    }
}
