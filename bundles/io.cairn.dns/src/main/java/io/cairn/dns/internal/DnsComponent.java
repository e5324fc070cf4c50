package io.cairn.dns.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import io.cairn.acl.api.AclResolver;
import io.cairn.agent.api.AgentInfo;
import io.cairn.catalog.api.Catalog;
import io.cairn.dns.api.DnsNameResolver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Opens the DNS listeners on the agent's client address and DNS port ({@link AgentInfo}) while the bundle is
 * active (installing the feature opens the port, uninstalling closes it) and routes name forms to the
 * {@link DnsNameResolver} whiteboard. Questions run as the agent's default ACL token ({@link DnsAcl}).
 */
@Component(immediate = true, configurationPid = "io.cairn.dns", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DnsConfig.class)
public final class DnsComponent {

    /** Resolvers by form, then by (ranking desc, service id asc) so the best-ranked one comes first. */
    private final Map<String, ConcurrentSkipListMap<long[], DnsNameResolver>> resolvers =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final DnsServer server;
    /** This bundle's meters; published once a MeterRegistry service (the cairn-metrics feature) is bound. */
    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();

    @Activate
    public DnsComponent(@Reference Catalog catalog, @Reference(name = "agent") AgentInfo agent,
            @Reference(name = "acl") AclResolver acl, DnsConfig config) {
        DnsSettings settings = SettingsParser.parse(config, agent);
        DnsResponder responder = new DnsResponder(settings, this::resolver,
                new CatalogReverseLookup(catalog, new DnsAcl(acl)),
                new UdpForwarder(settings.recursors(), settings.recursorTimeout()), new SecureRandom(),
                Clock.systemUTC());
        try {
            server = new DnsServer(new InetSocketAddress(agent.clientAddress(), agent.dnsPort()),
                    new MeteredHandler(responder::respond, meters));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for DNS on " + agent.clientAddress() + ":"
                    + agent.dnsPort(), e);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindResolver(DnsNameResolver resolver, Map<String, Object> properties) {
        Object form = properties.get(DnsNameResolver.FORM);
        if (form != null) {
            resolvers.computeIfAbsent(form.toString().toLowerCase(), f -> new ConcurrentSkipListMap<>(
                    (a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(a[1], b[1])))
                    .put(key(properties), resolver);
        }
    }

    void unbindResolver(DnsNameResolver resolver, Map<String, Object> properties) {
        Object form = properties.get(DnsNameResolver.FORM);
        if (form != null) {
            resolvers.getOrDefault(form.toString().toLowerCase(), new ConcurrentSkipListMap<>())
                    .remove(key(properties));
        }
    }

    private Optional<DnsNameResolver> resolver(String form) {
        ConcurrentSkipListMap<long[], DnsNameResolver> ranked = resolvers.get(form);
        return ranked == null || ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.firstEntry().getValue());
    }

    private static long[] key(Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        long rank = ranking instanceof Integer i ? i : 0;
        return new long[] {rank, (Long) properties.get(Constants.SERVICE_ID)};
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addMeterRegistry(MeterRegistry registry) {
        meters.add(registry);
    }

    void removeMeterRegistry(MeterRegistry registry) {
        meters.remove(registry);
    }

    @Deactivate
    void deactivate() {
        server.close();
    }
}
