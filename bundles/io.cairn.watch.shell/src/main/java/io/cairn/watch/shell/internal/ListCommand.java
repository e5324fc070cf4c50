package io.cairn.watch.shell.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.ResolvedToken;
import io.cairn.agent.api.AgentInfo;
import io.cairn.shell.support.ConsoleAcl;
import io.cairn.shell.support.Failures;
import io.cairn.watch.plan.AgentWatches;
import io.cairn.watch.plan.WatchDefinition;
import io.cairn.watch.plan.WatchSpec;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code watch:list}: the watches from the agent's config files that run now. They are the agent's configuration,
 * so reading them needs {@code agent:read} on this agent, as {@code /v1/agent/self} does.
 */
@Command(scope = "watch", name = "list", description = "Lists the watches of the agent's config files")
@Service
public class ListCommand implements Action {

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
        if (!token.authorizer().agentRead(node)) {
            throw Failures.fail(token.permissionDenied("agent:read", node));
        }
        ShellTable table = new ShellTable();
        table.column("Type");
        table.column("Watching");
        table.column("Handler");
        for (WatchDefinition watch : watches.running()) {
            table.addRow().addContent(watch.spec().type(), watching(watch.spec()), watch.target() == null
                    ? String.join(" ", watch.command()) : watch.method() + " " + watch.target());
        }
        table.print(out);
    }

    /** The watch's parameters, e.g. {@code key=foo/bar} or {@code service=web tag=blue passingonly}. */
    static String watching(WatchSpec spec) {
        List<String> parts = new ArrayList<>();
        add(parts, "key", spec.key());
        add(parts, "prefix", spec.prefix());
        add(parts, "service", spec.service());
        spec.tags().forEach(tag -> add(parts, "tag", tag));
        if (spec.passingOnly()) {
            parts.add("passingonly");
        }
        add(parts, "state", spec.state());
        add(parts, "name", spec.name());
        add(parts, "dc", spec.datacenter());
        return parts.isEmpty() ? "-" : String.join(" ", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (!value.isEmpty()) {
            parts.add(name + "=" + value);
        }
    }
}
