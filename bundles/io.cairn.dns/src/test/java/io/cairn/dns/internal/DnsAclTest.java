package io.cairn.dns.internal;

import static io.cairn.dns.internal.Fixtures.ask;
import static io.cairn.dns.internal.Fixtures.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.cairn.acl.testing.FakeAclResolver;
import io.cairn.catalog.api.Indexed;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.NodeServices;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.ServiceQuery;
import io.cairn.catalog.api.Weights;
import io.cairn.catalog.testing.CatalogStub;
import io.cairn.dns.api.DnsNameResolver;
import io.cairn.raft.api.Consistency;

/**
 * Consul's ACL rule for DNS through the responder and the catalog resolvers: what the default token may not read
 * answers exactly as an unknown name.
 */
class DnsAclTest {

    private static final Node WEB_NODE = node("n-web", "10.0.0.1");
    private static final Node DB_NODE = node("n-db", "10.0.0.2");
    private static final ServiceEntry WEB = new ServiceEntry(WEB_NODE, service("web", ""), List.of());
    private static final ServiceEntry DB = new ServiceEntry(DB_NODE, service("db", "10.0.0.9"), List.of());
    private static final String READ_WEB = "service \"web\" { policy = \"read\" }\n"
            + "node \"n-web\" { policy = \"read\" }";

    private static Node node(String name, String address) {
        return new Node("id-" + name, name, address, "dc1", Map.of(), Map.of(), 1, 1);
    }

    private static NodeService service(String name, String address) {
        return new NodeService("", name, name, List.of(), address, Map.of(), Map.of(), 80, new Weights(1, 1), false,
                1, 1);
    }

    /** The catalog: web on n-web, db (with its own address) on n-db. */
    private static final class TwoServices extends CatalogStub {
        @Override
        public CompletionStage<Indexed<List<Node>>> nodes(Map<String, String> nodeMeta, Consistency consistency) {
            return indexed(List.of(DB_NODE, WEB_NODE));
        }

        @Override
        public CompletionStage<Indexed<Map<String, List<String>>>> services(Map<String, String> nodeMeta,
                Consistency consistency) {
            return indexed(Map.of("db", List.of(), "web", List.of()));
        }

        @Override
        public CompletionStage<Indexed<List<ServiceEntry>>> service(String name, ServiceQuery query,
                Consistency consistency) {
            return indexed(List.of(WEB, DB).stream().filter(e -> e.service().service().equals(name)).toList());
        }

        @Override
        public CompletionStage<Indexed<Optional<NodeServices>>> node(String node, Consistency consistency) {
            return indexed(List.of(WEB, DB).stream().filter(e -> e.node().node().equals(node))
                    .map(e -> new NodeServices(e.node(), List.of(e.service()))).findFirst());
        }

        private static <T> CompletionStage<Indexed<T>> indexed(T value) {
            return CompletableFuture.completedFuture(new Indexed<>(value, 7));
        }
    }

    /** The ACL resolvers of the responders a test made. */
    private final List<FakeAclResolver> acls = new ArrayList<>();

    /** An agent whose default token has the Consul rules {@code rules}. */
    private static FakeAclResolver defaultToken(String rules) {
        return FakeAclResolver.denyByDefault().token("", "default-token", rules);
    }

    private DnsResponder responder(FakeAclResolver acl) {
        acls.add(acl);
        TwoServices catalog = new TwoServices();
        Map<String, DnsNameResolver> resolvers = Map.of("service", new ServiceResolver(catalog, acl),
                "node", new NodeResolver(catalog, acl));
        return new DnsResponder(Fixtures.settings(), f -> Optional.ofNullable(resolvers.get(f)),
                new CatalogReverseLookup(catalog, new DnsAcl(acl)), q -> Optional.empty(), new Random(7),
                Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));
    }

    @AfterEach
    void dnsAnswersAsTheDefaultToken() {
        acls.forEach(acl -> assertTrue(acl.asked().stream().allMatch(String::isEmpty),
                "DNS answers as the default token, not " + acl.asked()));
    }

    private static String address(Message response) {
        return ((ARecord) response.getSection(Section.ANSWER).get(0)).getAddress().getHostAddress();
    }

    private static void assertUnknown(DnsResponder responder, String name) throws Exception {
        Message response = ask(responder, query(name, Type.A), false);
        assertEquals(Rcode.NXDOMAIN, response.getRcode(), name);
        assertTrue(response.getSection(Section.ANSWER).isEmpty(), name);
        assertTrue(response.getSection(Section.AUTHORITY).get(0) instanceof SOARecord, name);
    }

    @Test
    void namesTheDefaultTokenMayReadAnswer() throws Exception {
        DnsResponder responder = responder(defaultToken(READ_WEB));
        assertEquals("10.0.0.1", address(ask(responder, query("web.service.consul.", Type.A), false)));
        assertEquals("10.0.0.1", address(ask(responder, query("n-web.node.consul.", Type.A), false)));
    }

    @Test
    void whatItMayNotReadIsAnUnknownName() throws Exception {
        DnsResponder responder = responder(defaultToken(READ_WEB));
        assertUnknown(responder, "db.service.consul.");
        assertUnknown(responder, "n-db.node.consul.");
        assertUnknown(responder, "ghost.node.consul.");
        assertUnknown(responder(defaultToken("service \"web\" { policy = \"read\" }")),
                "web.service.consul.");
    }

    @Test
    void reverseLookupsNameOnlyWhatTheTokenMayRead() throws Exception {
        DnsResponder all = responder(defaultToken("service_prefix \"\" { policy = \"read\" }\n"
                + "node_prefix \"\" { policy = \"read\" }"));
        assertEquals(Name.fromConstantString("n-web.node.dc1.consul."), ((PTRRecord) ask(all,
                query("1.0.0.10.in-addr.arpa.", Type.PTR), false).getSection(Section.ANSWER).get(0)).getTarget());
        assertEquals(Name.fromConstantString("db.service.dc1.consul."), ((PTRRecord) ask(all,
                query("9.0.0.10.in-addr.arpa.", Type.PTR), false).getSection(Section.ANSWER).get(0)).getTarget());

        DnsResponder webOnly = responder(defaultToken(READ_WEB));
        int unknown = ask(webOnly, query("99.0.0.10.in-addr.arpa.", Type.PTR), false).getRcode();
        assertEquals(unknown, ask(webOnly, query("2.0.0.10.in-addr.arpa.", Type.PTR), false).getRcode());
        assertEquals(unknown, ask(webOnly, query("9.0.0.10.in-addr.arpa.", Type.PTR), false).getRcode());
        assertEquals(Rcode.NOERROR, ask(webOnly, query("1.0.0.10.in-addr.arpa.", Type.PTR), false).getRcode());
    }

    @Test
    void withAclsDisabledEverythingAnswers() throws Exception {
        DnsResponder responder = responder(FakeAclResolver.disabled());
        assertEquals("10.0.0.9", address(ask(responder, query("db.service.consul.", Type.A), false)));
        assertEquals("10.0.0.2", address(ask(responder, query("n-db.node.consul.", Type.A), false)));
    }

    @Test
    void aDefaultTokenThatCannotBeResolvedIsServfail() throws Exception {
        DnsResponder responder = responder(FakeAclResolver.denyByDefault().deleteToken(""));
        assertEquals(Rcode.SERVFAIL, ask(responder, query("web.service.consul.", Type.A), false).getRcode());
        assertEquals(Rcode.SERVFAIL, ask(responder, query("1.0.0.10.in-addr.arpa.", Type.PTR), false).getRcode());
    }
}
