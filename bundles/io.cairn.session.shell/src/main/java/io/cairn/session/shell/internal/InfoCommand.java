package io.cairn.session.shell.internal;

import java.io.PrintStream;

import io.cairn.raft.api.Consistency;
import io.cairn.session.api.Sessions;
import io.cairn.shell.support.Failures;
import io.cairn.shell.support.Stages;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code session:info <id>}: one session's settings. */
@Command(scope = "session", name = "info", description = "Shows one session")
@Service
public class InfoCommand implements Action {

    @Reference
    Sessions sessions;

    @Argument(index = 0, name = "id", required = true, description = "The session ID")
    String id;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws Exception {
        var session = Stages.await(sessions.get(id, Consistency.DEFAULT), "Error! ")
                .orElseThrow(() -> Failures.fail("Error! No session " + id));
        SessionFormat.details(session, out);
    }
}
