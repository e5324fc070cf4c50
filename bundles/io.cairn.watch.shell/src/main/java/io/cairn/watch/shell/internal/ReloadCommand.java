package io.cairn.watch.shell.internal;

import java.io.PrintStream;
import java.util.List;

import io.cairn.watch.plan.AgentWatches;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code watch:reload}: reads the watches of the agent's config files again, as SIGHUP does. */
@Command(scope = "watch", name = "reload", description = "Re-reads the watches of the agent's config files")
@Service
public class ReloadCommand implements Action {

    @Reference
    AgentWatches watches;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) {
        List<String> problems = watches.reload();
        problems.forEach(problem -> out.println("Error: " + problem));
        out.println(watches.running().size() + " watch(es) running");
    }
}
