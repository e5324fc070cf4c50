package io.cairn.session.shell.internal;

import java.io.PrintStream;

import io.cairn.raft.api.Consistency;
import io.cairn.session.api.Sessions;
import io.cairn.shell.support.Stages;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code session:list}: every session, or those of one node. */
@Command(scope = "session", name = "list", description = "Lists the sessions of the datacenter")
@Service
public class ListCommand implements Action {

    @Reference
    Sessions sessions;

    @Option(name = "--node", aliases = "-node", description = "Only the sessions bound to this node")
    String node;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws Exception {
        var found = node == null || node.isEmpty()
                ? sessions.list(Consistency.DEFAULT)
                : sessions.node(node, Consistency.DEFAULT);
        SessionFormat.table(Stages.await(found, "Error! "), out);
    }
}
