package io.cairn.dns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import io.cairn.acl.testing.FakeAclResolver;
import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Indexed;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.RemoteDatacenters;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.Weights;
import io.cairn.dns.api.DnsQuery;
import io.cairn.dns.api.DnsTarget;
import io.cairn.health.api.CheckStatus;
import io.cairn.raft.api.Consistency;

import org.junit.jupiter.api.Test;

class ServiceResolverTest {

    private static ServiceEntry entry(String node, String serviceAddress, List<String> tags, CheckStatus... checks) {
        Node n = new Node("id-" + node, node, "10.0.0." + node.length(), "dc1", Map.of(), Map.of(), 1, 1);
        NodeService s = new NodeService("", "web", "web", tags, serviceAddress, Map.of(), Map.of(), 80,
                new Weights(10, 2), false, 1, 1);
        List<HealthCheck> hc = java.util.Arrays.stream(checks).map(status -> new HealthCheck(node, "c", "c", status,
                "", "", "", "", List.of(), "", null, 1, 1)).toList();
        return new ServiceEntry(n, s, hc);
    }

    /** A catalog that knows only {@code web}, read with stale consistency (anything else fails the test). */
    private static Catalog catalog(List<ServiceEntry> entries) {
        return (Catalog) Proxy.newProxyInstance(Catalog.class.getClassLoader(), new Class<?>[] {Catalog.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("datacenter")) {
                        return "dc1";
                    }
                    if (method.getName().equals("service")) {
                        assertEquals(Consistency.STALE, args[2], "DNS must not pay a Raft round trip");
                        return CompletableFuture.completedFuture(new Indexed<>(
                                args[0].equals("web") ? entries : List.of(), 5));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Set<String> nodes(List<DnsTarget> targets) {
        return targets.stream().map(DnsTarget::node).collect(Collectors.toSet());
    }

    private static final List<ServiceEntry> ENTRIES = List.of(
            entry("pass", "", List.of("Beta")),
            entry("warn", "192.0.2.1", List.of(), CheckStatus.PASSING, CheckStatus.WARNING),
            entry("crit", "", List.of("beta"), CheckStatus.PASSING, CheckStatus.CRITICAL));

    private final ServiceResolver resolver = new ServiceResolver(catalog(ENTRIES), FakeAclResolver.disabled());

    @Test
    void dropsCriticalInstancesAndKeepsWarningsByDefault() {
        List<DnsTarget> targets = resolver.resolve(new DnsQuery(List.of("web"), "dc1", false)).orElseThrow();
        assertEquals(Set.of("pass", "warn"), nodes(targets));
        DnsTarget warn = targets.stream().filter(t -> t.node().equals("warn")).findFirst().orElseThrow();
        assertEquals("192.0.2.1", warn.address());
        assertEquals(2, warn.weight(), "an instance with a warning gets the warning weight");
    }

    @Test
    void onlyPassingDropsWarningsToo() {
        assertEquals(Set.of("pass"), nodes(resolver.resolve(new DnsQuery(List.of("web"), "dc1", true))
                .orElseThrow()));
    }

    @Test
    void tagFormsFilterCaseInsensitively() {
        assertEquals(Set.of("pass"), nodes(resolver.resolve(new DnsQuery(List.of("beta", "web"), "dc1", false))
                .orElseThrow()));
        assertEquals(Set.of("pass"), nodes(resolver.resolve(new DnsQuery(List.of("_web", "_beta"), "dc1", false))
                .orElseThrow()));
        assertEquals(Set.of("pass", "warn"), nodes(resolver.resolve(new DnsQuery(List.of("_web", "_tcp"), "dc1",
                false)).orElseThrow()));
    }

    @Test
    void instancesTheDefaultTokenMayNotReadAreLeftOut() {
        DnsQuery web = new DnsQuery(List.of("web"), "dc1", false);
        FakeAclResolver webAndPass = FakeAclResolver.denyByDefault().token("", "default-token",
                "service \"web\" { policy = \"read\" }\nnode \"pass\" { policy = \"read\" }");
        assertEquals(Set.of("pass"), nodes(new ServiceResolver(catalog(ENTRIES), webAndPass).resolve(web)
                .orElseThrow()));
        assertTrue(webAndPass.asked().stream().allMatch(String::isEmpty), "DNS answers as the default token");
        assertTrue(new ServiceResolver(catalog(ENTRIES), FakeAclResolver.denyByDefault().token("", "default-token",
                "node_prefix \"\" { policy = \"read\" }")).resolve(web).orElseThrow().isEmpty(),
                "without service:read the service has no instance");
    }

    @Test
    void unknownServiceHasNoTargets() {
        assertTrue(resolver.resolve(new DnsQuery(List.of("nope"), "dc1", false)).orElseThrow().isEmpty());
    }

    @Test
    void anotherDatacenterIsAnsweredFromItsCatalogOrNotAtAll() {
        DnsQuery inDc2 = new DnsQuery(List.of("web"), "dc2", false);
        assertTrue(resolver.resolve(inDc2).isEmpty(), "no way to other datacenters: it does not exist");

        List<ServiceEntry> dc2 = List.of(entry("far", "", List.of()));
        resolver.remote = new RemoteDatacenters() {
            @Override
            public List<String> byDistance() {
                return List.of("dc1", "dc2");
            }

            @Override
            public Optional<Catalog> catalog(String datacenter) {
                return datacenter.equals("dc2") ? Optional.of(ServiceResolverTest.catalog(dc2)) : Optional.empty();
            }
        };
        assertEquals(Set.of("far"), nodes(resolver.resolve(inDc2).orElseThrow()));
        assertTrue(resolver.resolve(new DnsQuery(List.of("web"), "dc3", false)).isEmpty());
        assertEquals(Set.of("pass", "warn"), nodes(resolver.resolve(new DnsQuery(List.of("web"), "dc1", false))
                .orElseThrow()), "this datacenter's stays the local catalog's");
    }
}
