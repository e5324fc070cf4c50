package io.cairn.catalog.shell.internal;

import java.io.PrintStream;
import java.util.List;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.Authorizer;
import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.ServiceQuery;
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
 * {@code catalog:nodes}, like {@code consul catalog nodes}, filtered as {@code /v1/catalog/nodes} and
 * {@code /v1/catalog/service} filter: a node needs {@code node:read}, a service instance also {@code service:read}.
 */
@Command(scope = "catalog", name = "nodes", description = "Lists the nodes of the catalog")
@Service
public class NodesCommand implements Action {

    @Reference
    Catalog catalog;

    @Reference
    AclResolver resolver;

    @Reference
    Session session;

    @Option(name = "--service", aliases = "-service", description = "Only nodes providing this service")
    String service = "";

    @Option(name = "--detailed", aliases = "-detailed", description = "Show full IDs, tagged addresses and meta")
    boolean detailed;

    @Option(name = "--node-meta", aliases = "-node-meta", multiValued = true,
            description = "Only nodes with this key=value metadata (repeatable)")
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
        List<Node> nodes;
        if (service.isEmpty()) {
            nodes = Stages.await(catalog.nodes(NodeMeta.parse(nodeMeta), consistency), "Error listing nodes: ")
                    .value().stream().filter(node -> acl.nodeRead(node.node())).toList();
        } else {
            ServiceQuery query = new ServiceQuery(List.of(), NodeMeta.parse(nodeMeta), false);
            nodes = Stages.await(catalog.service(service, query, consistency), "Error listing nodes for service: ")
                    .value().stream()
                    .filter(entry -> acl.nodeRead(entry.node().node()) && acl.serviceRead(entry.service().service()))
                    .map(ServiceEntry::node).toList();
        }
        if (nodes.isEmpty()) {
            err.println(CatalogFormat.NO_NODES);
            return;
        }
        out.println(CatalogFormat.nodes(nodes, detailed));
    }
}
