package io.cairn.dns.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cairn.acl.api.Authorizer;
import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.ServiceQuery;
import io.cairn.raft.api.Consistency;

import org.xbill.DNS.Address;
import org.xbill.DNS.Name;

/**
 * PTR names from the local catalog view: nodes with the address first, then services with it as own address;
 * only those the agent's default token may read ({@link DnsAcl}).
 */
final class CatalogReverseLookup implements ReverseLookup {

    private final Catalog catalog;
    private final DnsAcl acl;

    CatalogReverseLookup(Catalog catalog, DnsAcl acl) {
        this.catalog = catalog;
        this.acl = acl;
    }

    @Override
    public List<Name> names(InetAddress address, Name domain, String datacenter) {
        Authorizer token = acl.token();
        List<Name> names = new ArrayList<>();
        for (Node node : DatacenterCatalogs.join(catalog.nodes(Map.of(), Consistency.STALE).toCompletableFuture())) {
            if (same(node.address(), address) && token.nodeRead(node.node())) {
                names.add(Name.fromConstantString(node.node() + ".node." + datacenter + "." + domain));
            }
        }
        Set<String> services = new LinkedHashSet<>();
        for (String service : DatacenterCatalogs.join(catalog.services(Map.of(), Consistency.STALE)
                .toCompletableFuture()).keySet()) {
            for (ServiceEntry entry : DatacenterCatalogs.join(catalog.service(service, ServiceQuery.ALL,
                    Consistency.STALE).toCompletableFuture())) {
                if (same(entry.service().address(), address) && DnsAcl.mayRead(token, entry)) {
                    services.add(service);
                }
            }
        }
        for (String service : services) {
            names.add(Name.fromConstantString(service + ".service." + datacenter + "." + domain));
        }
        return names;
    }

    private static boolean same(String text, InetAddress address) {
        byte[] bytes = Address.toByteArray(text, address.getAddress().length == 4 ? Address.IPv4 : Address.IPv6);
        return bytes != null && java.util.Arrays.equals(bytes, address.getAddress());
    }
}
