package io.cairn.session.shell.internal;

import java.io.PrintStream;

import io.cairn.session.api.Sessions;
import io.cairn.shell.support.Stages;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code session:destroy <id>}: invalidates a session, releasing or deleting the keys it holds. */
@Command(scope = "session", name = "destroy",
        description = "Destroys a session; its locks are released or its keys deleted")
@Service
public class DestroyCommand implements Action {

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
        Stages.await(sessions.destroy(id), "Error! ");
        out.println("Success! Destroyed session: " + id);
    }
}
