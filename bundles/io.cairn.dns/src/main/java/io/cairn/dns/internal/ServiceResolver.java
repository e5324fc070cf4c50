package io.cairn.dns.internal;

import java.util.List;
import java.util.Optional;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.Authorizer;
import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.RemoteDatacenters;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.ServiceQuery;
import io.cairn.dns.api.DnsNameResolver;
import io.cairn.dns.api.DnsQuery;
import io.cairn.dns.api.DnsTarget;
import io.cairn.health.api.CheckStatus;
import io.cairn.raft.api.Consistency;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code <service>.service}, {@code <tag>.<service>.service} and RFC 2782 {@code _<service>._<tag|tcp>}: the
 * instances of a service without a critical check (node checks included, so maintenance mode hides them), and
 * that the agent's default token may read ({@link DnsAcl}).
 */
@Component(service = DnsNameResolver.class, property = DnsNameResolver.FORM + "=service")
public final class ServiceResolver implements DnsNameResolver {

    private final DatacenterCatalogs catalogs;
    private final DnsAcl acl;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile RemoteDatacenters remote;

    @Activate
    public ServiceResolver(@Reference Catalog catalog, @Reference AclResolver acl) {
        this.catalogs = new DatacenterCatalogs(catalog, () -> remote);
        this.acl = new DnsAcl(acl);
    }

    @Override
    public Optional<List<DnsTarget>> resolve(DnsQuery query) {
        List<String> labels = query.labels();
        String service;
        Optional<String> tag;
        if (labels.size() == 2 && labels.get(0).startsWith("_") && labels.get(1).startsWith("_")) {
            service = labels.get(0).substring(1);
            String rfcTag = labels.get(1).substring(1);
            tag = rfcTag.equals("tcp") ? Optional.empty() : Optional.of(rfcTag);
        } else if (labels.size() >= 1) {
            service = labels.get(labels.size() - 1);
            // Tags may contain dots: every label before the service name is one tag.
            tag = labels.size() == 1 ? Optional.empty()
                    : Optional.of(String.join(".", labels.subList(0, labels.size() - 1)));
        } else {
            return Optional.empty();
        }
        if (service.isEmpty()) {
            return Optional.empty();
        }
        Optional<Catalog> catalog = catalogs.of(query.datacenter());
        if (catalog.isEmpty()) {
            return Optional.empty();
        }
        Authorizer token = acl.token();
        List<ServiceEntry> entries = DatacenterCatalogs.join(catalog.get()
                .service(service, ServiceQuery.ALL, Consistency.STALE).toCompletableFuture());
        List<DnsTarget> targets = entries.stream()
                .filter(e -> DnsAcl.mayRead(token, e))
                .filter(e -> tag.isEmpty() || e.service().tags().stream().anyMatch(t -> t.equalsIgnoreCase(tag.get())))
                .filter(e -> healthy(e, query.onlyPassing()))
                .map(ServiceResolver::target)
                .toList();
        return Optional.of(targets);
    }

    private static boolean healthy(ServiceEntry entry, boolean onlyPassing) {
        return entry.checks().stream().noneMatch(c -> c.status() == CheckStatus.CRITICAL
                || (onlyPassing && c.status() == CheckStatus.WARNING));
    }

    /** The SRV/A target of an instance: its own address or its node's, weighted by its health. */
    static DnsTarget target(ServiceEntry entry) {
        String nodeAddress = entry.node().address();
        String address = entry.service().address().isEmpty() ? nodeAddress : entry.service().address();
        boolean warning = entry.checks().stream().anyMatch(c -> c.status() == CheckStatus.WARNING);
        int weight = warning ? entry.service().weights().warning() : entry.service().weights().passing();
        return new DnsTarget(DnsTarget.Kind.SERVICE, entry.node().node(), address, nodeAddress,
                entry.service().port(), weight, entry.node().meta());
    }
}
