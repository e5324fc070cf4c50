package io.cairn.agent.shell.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.Authorizer;
import io.cairn.agent.api.Agent;
import io.cairn.agent.api.Member;
import io.cairn.shell.support.ConsoleAcl;
import io.cairn.shell.support.Failures;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code agent:members}, like {@code cairn members}: prints nothing when no member matches {@code --status}. Leaves
 * out the members whose node the token lacks {@code node:read} on, as {@code /v1/agent/members} does.
 */
@Command(scope = "agent", name = "members", description = "Lists the members of the Cairn cluster")
@Service
public class MembersCommand implements Action {

    @Reference
    Agent agent;

    @Reference
    AclResolver resolver;

    @Reference
    Session session;

    @Option(name = "--detailed", aliases = "-detailed", description = "Show every tag of each member")
    boolean detailed;

    @Option(name = "--status", aliases = "-status",
            description = "Only members whose status (alive, leaving, left, failed) matches this regexp")
    String status = ".*";

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws Exception {
        Pattern wanted;
        try {
            wanted = Pattern.compile(status);
        } catch (PatternSyntaxException e) {
            throw Failures.fail("Failed to compile status regexp: " + e.getDescription());
        }
        Authorizer acl = ConsoleAcl.of(session, resolver).authorizer();
        List<Member> readable = agent.members().stream().filter(m -> acl.nodeRead(m.name())).toList();
        List<AgentFormat.Row> rows = AgentFormat.rows(readable).stream()
                .filter(r -> wanted.matcher(r.member().status().text()).find()).toList();
        if (!rows.isEmpty()) {
            out.print(detailed ? AgentFormat.detailedMembers(rows) : AgentFormat.members(rows));
        }
    }
}
