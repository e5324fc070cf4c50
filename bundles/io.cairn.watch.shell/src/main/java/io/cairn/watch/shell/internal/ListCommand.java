package io.cairn.watch.shell.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import io.cairn.watch.plan.AgentWatches;
import io.cairn.watch.plan.WatchDefinition;
import io.cairn.watch.plan.WatchSpec;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code watch:list}: the watches from the agent's config files that run now. */
@Command(scope = "watch", name = "list", description = "Lists the watches of the agent's config files")
@Service
public class ListCommand implements Action {

    @Reference
    AgentWatches watches;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Type");
        table.column("Watching");
        table.column("Handler");
        for (WatchDefinition watch : watches.running()) {
            table.addRow().addContent(watch.spec().type(), watching(watch.spec()), watch.target() == null
                    ? String.join(" ", watch.command()) : watch.method() + " " + watch.target());
        }
        table.print(out);
    }

    /** The watch's parameters, e.g. {@code key=foo/bar} or {@code service=web tag=blue passingonly}. */
    static String watching(WatchSpec spec) {
        List<String> parts = new ArrayList<>();
        add(parts, "key", spec.key());
        add(parts, "prefix", spec.prefix());
        add(parts, "service", spec.service());
        spec.tags().forEach(tag -> add(parts, "tag", tag));
        if (spec.passingOnly()) {
            parts.add("passingonly");
        }
        add(parts, "state", spec.state());
        add(parts, "name", spec.name());
        add(parts, "dc", spec.datacenter());
        return parts.isEmpty() ? "-" : String.join(" ", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (!value.isEmpty()) {
            parts.add(name + "=" + value);
        }
    }
}
