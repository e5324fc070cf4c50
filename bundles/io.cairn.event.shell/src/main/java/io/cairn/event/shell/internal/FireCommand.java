package io.cairn.event.shell.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.ResolvedToken;
import io.cairn.event.api.UserEvent;
import io.cairn.event.api.UserEvents;
import io.cairn.shell.support.ConsoleAcl;
import io.cairn.shell.support.Failures;
import io.cairn.shell.support.Stages;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code event:fire}, like {@code consul event}: needs {@code event:write} on the event's name, as
 * {@code /v1/event/fire} does; a denied event is not sent.
 */
@Command(scope = "event", name = "fire", description = "Fires a user event to the agents matching the filters")
@Service
public class FireCommand implements Action {

    @Reference
    UserEvents events;

    @Reference
    AclResolver resolver;

    @Reference
    Session session;

    @Argument(index = 0, name = "name", description = "The event name", required = true)
    String name;

    @Argument(index = 1, name = "payload", description = "The payload (none if omitted)")
    String payload = "";

    @Option(name = "--node", aliases = "-node", description = "Regular expression on node names")
    String node = "";

    @Option(name = "--service", aliases = "-service", description = "Regular expression on service names or IDs")
    String service = "";

    @Option(name = "--tag", aliases = "-tag", description = "Regular expression on tags (needs --service)")
    String tag = "";

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws Exception {
        ResolvedToken token = ConsoleAcl.of(session, resolver);
        if (!token.authorizer().eventWrite(name)) {
            throw Failures.fail(token.permissionDenied("event:write", name));
        }
        UserEvent event;
        try {
            event = Stages.await(events.fire(name, payload.getBytes(StandardCharsets.UTF_8), node, service, tag),
                    "Error firing event: ");
        } catch (IllegalArgumentException e) {
            throw Failures.fail("Error firing event: " + e.getMessage());
        }
        out.println("Event ID: " + event.id());
    }
}
