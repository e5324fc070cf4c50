package io.cairn.catalog.shell.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.NodeServices;
import io.cairn.raft.api.Consistency;
import io.cairn.shell.support.Stages;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code catalog:services}, like {@code consul catalog services}. */
@Command(scope = "catalog", name = "services", description = "Lists the services of the catalog")
@Service
public class ServicesCommand implements Action {

    @Reference
    Catalog catalog;

    @Option(name = "--tags", aliases = "-tags", description = "Show each service's tags beside its name")
    boolean tags;

    @Option(name = "--node", aliases = "-node", description = "Only the services of this node")
    String node = "";

    @Option(name = "--node-meta", aliases = "-node-meta", multiValued = true,
            description = "Only services on nodes with this key=value metadata (repeatable)")
    List<String> nodeMeta;

    @Option(name = "--stale", aliases = "-stale", description = "Let any server answer from its local state")
    boolean stale;

    @Override
    public Object execute() throws Exception {
        run(System.out, System.err);
        return null;
    }

    void run(PrintStream out, PrintStream err) throws Exception {
        Consistency consistency = stale ? Consistency.STALE : Consistency.DEFAULT;
        Map<String, List<String>> services;
        if (node.isEmpty()) {
            services = Stages.await(catalog.services(NodeMeta.parse(nodeMeta), consistency),
                    "Error listing services: ").value();
        } else {
            Optional<NodeServices> found = Stages.await(catalog.node(node, consistency),
                    "Error listing services for node: ").value();
            services = new TreeMap<>();
            for (NodeService s : found.map(NodeServices::services).orElse(List.of())) {
                services.computeIfAbsent(s.service(), name -> new ArrayList<>()).addAll(s.tags());
            }
        }
        if (services.isEmpty()) {
            err.println(CatalogFormat.NO_SERVICES);
            return;
        }
        out.println(CatalogFormat.services(services, tags));
    }
}
