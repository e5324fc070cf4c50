package io.cairn.session.shell.internal;

import java.io.PrintStream;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.ResolvedToken;
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
 * {@code session:destroy <id>}: invalidates a session, releasing or deleting the keys it holds. Needs
 * {@code session:write} on the node the session was created on, as {@code /v1/session/destroy} does (an unknown
 * session is not vetted).
 */
@Command(scope = "session", name = "destroy",
        description = "Destroys a session; its locks are released or its keys deleted")
@Service
public class DestroyCommand implements Action {

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
        ResolvedToken token = ConsoleAcl.of(console, resolver);
        var found = Stages.await(sessions.get(id, Consistency.DEFAULT), "Error! ");
        if (found.isPresent() && !token.authorizer().sessionWrite(found.get().node())) {
            throw Failures.fail(token.permissionDenied("session:write", found.get().node()));
        }
        Stages.await(sessions.destroy(id), "Error! ");
        out.println("Success! Destroyed session: " + id);
    }
}
