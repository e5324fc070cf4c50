package io.cairn.event.shell.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.cairn.event.api.UserEvent;
import io.cairn.event.api.UserEvents;
import io.cairn.shell.support.Failures;
import io.cairn.shell.support.Stages;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code event:fire}, like {@code consul event}. */
@Command(scope = "event", name = "fire", description = "Fires a user event to the agents matching the filters")
@Service
public class FireCommand implements Action {

    @Reference
    UserEvents events;

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
