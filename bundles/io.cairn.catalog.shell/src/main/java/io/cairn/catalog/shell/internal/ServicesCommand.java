package io.cairn.catalog.shell.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.Authorizer;
import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.NodeServices;
import io.cairn.raft.api.Consistency;
import io.cairn.shell.support.ConsoleAcl;
import io.cairn.shell.support.Stages;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code catalog:services}, like {@code consul catalog services}, filtered as {@code /v1/catalog/services} and
 * {@code /v1/catalog/node} filter: a service needs {@code service:read}; with {@code --node} the node needs
 * {@code node:read} too.
 */
@Command(scope = "catalog", name = "services", description = "Lists the services of the catalog")
@Service
public class ServicesCommand implements Action {

    @Reference
    Catalog catalog;

    @Reference
    AclResolver resolver;

    @Reference
    Session session;

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
        Authorizer acl = ConsoleAcl.of(session, resolver).authorizer();
        Map<String, List<String>> services;
        if (node.isEmpty()) {
            services = new TreeMap<>(Stages.await(catalog.services(NodeMeta.parse(nodeMeta), consistency),
                    "Error listing services: ").value());
        } else {
            Optional<NodeServices> found = Stages.await(catalog.node(node, consistency),
                    "Error listing services for node: ").value().filter(n -> acl.nodeRead(n.node().node()));
            services = new TreeMap<>();
            for (NodeService s : found.map(NodeServices::services).orElse(List.of())) {
                services.computeIfAbsent(s.service(), name -> new ArrayList<>()).addAll(s.tags());
            }
        }
        services.keySet().removeIf(name -> !acl.serviceRead(name));
        if (services.isEmpty()) {
            err.println(CatalogFormat.NO_SERVICES);
            return;
        }
        out.println(CatalogFormat.services(services, tags));
    }
}
