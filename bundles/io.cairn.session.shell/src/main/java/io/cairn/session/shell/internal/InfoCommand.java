package io.cairn.session.shell.internal;

import java.io.PrintStream;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.Authorizer;
import io.cairn.raft.api.Consistency;
import io.cairn.session.api.Sessions;
import io.cairn.shell.support.ConsoleAcl;
import io.cairn.shell.support.Failures;
import io.cairn.shell.support.Stages;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code session:info <id>}: one session's settings. A session whose node the token lacks {@code session:read} on
 * is not found, as {@code /v1/session/info} leaves it out.
 */
@Command(scope = "session", name = "info", description = "Shows one session")
@Service
public class InfoCommand implements Action {

    @Reference
    Sessions sessions;

    @Reference
    AclResolver resolver;

    /** The console session, which holds the ACL token (not one of the {@link Sessions}). */
    @Reference
    Session console;

    @Argument(index = 0, name = "id", required = true, description = "The session ID")
    String id;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws Exception {
        Authorizer acl = ConsoleAcl.of(console, resolver).authorizer();
        var session = Stages.await(sessions.get(id, Consistency.DEFAULT), "Error! ")
                .filter(s -> acl.sessionRead(s.node()))
                .orElseThrow(() -> Failures.fail("Error! No session " + id));
        SessionFormat.details(session, out);
    }
}
