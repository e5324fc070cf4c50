package io.cairn.dns.internal;

import java.util.List;
import java.util.Optional;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.Authorizer;
import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeServices;
import io.cairn.catalog.api.RemoteDatacenters;
import io.cairn.dns.api.DnsNameResolver;
import io.cairn.dns.api.DnsQuery;
import io.cairn.dns.api.DnsTarget;
import io.cairn.raft.api.Consistency;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code <node>.node}: the node's address, and its metadata as TXT. Node names match case-insensitively. A node
 * the agent's default token may not read does not exist ({@link DnsAcl}).
 */
@Component(service = DnsNameResolver.class, property = DnsNameResolver.FORM + "=node")
public final class NodeResolver implements DnsNameResolver {

    private final DatacenterCatalogs catalogs;
    private final DnsAcl acl;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile RemoteDatacenters remote;

    @Activate
    public NodeResolver(@Reference Catalog catalog, @Reference AclResolver acl) {
        this.catalogs = new DatacenterCatalogs(catalog, () -> remote);
        this.acl = new DnsAcl(acl);
    }

    @Override
    public Optional<List<DnsTarget>> resolve(DnsQuery query) {
        if (query.labels().size() != 1) {
            return Optional.empty();
        }
        String name = query.labels().get(0);
        Optional<Catalog> catalog = catalogs.of(query.datacenter());
        if (catalog.isEmpty()) {
            return Optional.empty();
        }
        Authorizer token = acl.token();
        Optional<NodeServices> exact = DatacenterCatalogs.join(catalog.get().node(name, Consistency.STALE)
                .toCompletableFuture());
        Optional<Node> node = exact.map(NodeServices::node);
        if (node.isEmpty()) {
            // The question was lower-cased; a node registered as "Web-1" is still "web-1" to DNS.
            node = DatacenterCatalogs.join(catalog.get().nodes(java.util.Map.of(), Consistency.STALE)
                    .toCompletableFuture())
                    .stream().filter(n -> n.node().equalsIgnoreCase(name)).findFirst();
        }
        return node.filter(n -> token.nodeRead(n.node())).map(n -> List.of(new DnsTarget(DnsTarget.Kind.NODE,
                n.node(), n.address(), n.address(), 0, 1, n.meta())));
    }
}
