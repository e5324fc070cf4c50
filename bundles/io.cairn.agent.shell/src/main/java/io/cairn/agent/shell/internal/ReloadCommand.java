package io.cairn.agent.shell.internal;

import java.io.PrintStream;
import java.util.List;

import io.cairn.acl.api.AclResolver;
import io.cairn.agent.api.Agent;
import io.cairn.shell.support.Failures;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code agent:reload}, like {@code cairn reload} and SIGHUP: re-reads the agent's config dirs and files. Needs
 * {@code agent:write} on this agent, as {@code /v1/agent/reload} does.
 */
@Command(scope = "agent", name = "reload", description = "Makes the agent reload its configuration files")
@Service
public class ReloadCommand implements Action {

    @Reference
    Agent agent;

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
        AgentAcl.of(session, resolver, agent).requireAgentWrite();
        List<String> problems = agent.reload();
        if (!problems.isEmpty()) {
            throw Failures.fail("Error reloading: " + String.join("; ", problems));
        }
        out.println("Configuration reload triggered");
    }
}
