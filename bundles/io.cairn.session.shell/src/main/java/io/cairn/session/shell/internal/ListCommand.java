package io.cairn.session.shell.internal;

import java.io.PrintStream;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.Authorizer;
import io.cairn.raft.api.Consistency;
import io.cairn.session.api.Sessions;
import io.cairn.shell.support.ConsoleAcl;
import io.cairn.shell.support.Stages;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code session:list}: every session, or those of one node, without the sessions whose node the token lacks
 * {@code session:read} on, as {@code /v1/session/list} and {@code /v1/session/node} leave them out.
 */
@Command(scope = "session", name = "list", description = "Lists the sessions of the datacenter")
@Service
public class ListCommand implements Action {

    @Reference
    Sessions sessions;

    @Reference
    AclResolver resolver;

    /** The console session, which holds the ACL token (not one of the {@link Sessions}). */
    @Reference
    Session console;

    @Option(name = "--node", aliases = "-node", description = "Only the sessions bound to this node")
    String node;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws Exception {
        Authorizer acl = ConsoleAcl.of(console, resolver).authorizer();
        var found = node == null || node.isEmpty()
                ? sessions.list(Consistency.DEFAULT)
                : sessions.node(node, Consistency.DEFAULT);
        SessionFormat.table(Stages.await(found, "Error! ").stream().filter(s -> acl.sessionRead(s.node())).toList(),
                out);
    }
}
