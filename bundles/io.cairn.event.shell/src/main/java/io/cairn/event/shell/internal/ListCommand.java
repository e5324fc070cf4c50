package io.cairn.event.shell.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.Authorizer;
import io.cairn.event.api.UserEvent;
import io.cairn.event.api.UserEvents;
import io.cairn.shell.support.ConsoleAcl;
import io.cairn.shell.support.Stages;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code event:list}: the events this agent received, oldest first, as {@code /v1/event/list} lists them: without
 * the events whose name the token lacks {@code event:read} on.
 */
@Command(scope = "event", name = "list", description = "Lists the user events this agent received")
@Service
public class ListCommand implements Action {

    @Reference
    UserEvents events;

    @Reference
    AclResolver resolver;

    @Reference
    Session session;

    @Option(name = "--name", aliases = "-name", description = "Only events with this name")
    String name = "";

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws Exception {
        Authorizer acl = ConsoleAcl.of(session, resolver).authorizer();
        List<UserEvent> received = Stages.await(events.received(), "Error listing events: ");
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("Name");
        table.column("LTime");
        table.column("Payload");
        for (UserEvent event : received) {
            if (event.name().equals(UserEvents.REMOTE_EXEC) || !acl.eventRead(event.name())
                    || (!name.isEmpty() && !event.name().equals(name))) {
                continue;
            }
            table.addRow().addContent(event.id(), event.name(), event.lTime(),
                    new String(event.payload(), StandardCharsets.UTF_8));
        }
        table.print(out);
    }
}
