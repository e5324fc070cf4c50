package io.cairn.dns.internal;

import static io.cairn.dns.internal.Fixtures.ask;
import static io.cairn.dns.internal.Fixtures.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.cairn.dns.api.DnsNameResolver;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** {@code <query>.query} names: the name the labels spell, and answers with the query's own TTL. */
class QueryNamesTest {

    private final DnsResponder responder;

    QueryNamesTest() {
        Map<String, DnsNameResolver> resolvers = new java.util.HashMap<>(Fixtures.resolvers(1));
        resolvers.put("query", (TimedResolver) q -> switch (QueryResolver.name(q.labels())) {
            case "db" -> Optional.of(new Resolution(List.of(Fixtures.instance("node-1", "10.0.0.1", 5432)),
                    OptionalLong.of(30), Optional.empty()));
            case "far" -> Optional.of(new Resolution(List.of(Fixtures.instance("node-9", "10.0.0.9", 80)),
                    OptionalLong.empty(), Optional.of("dc2")));
            case "db.replica" -> Optional.of(Resolution.untimed(List.of(Fixtures.instance("node-2", "10.0.0.2",
                    5432))));
            default -> Optional.empty();
        });
        responder = Fixtures.responder(Fixtures.settings(), resolvers, q -> Optional.empty());
    }

    @Test
    void labelsSpellTheQueryName() {
        assertEquals("db", QueryResolver.name(List.of("db")));
        assertEquals("db", QueryResolver.name(List.of("_db", "_tcp")));
        assertEquals("db.replica", QueryResolver.name(List.of("db", "replica")));
        assertEquals("_db._udp", QueryResolver.name(List.of("_db", "_udp")));
    }

    @Test
    void answersCarryTheQueryTtlElseTheServiceTtl() throws Exception {
        Message a = ask(responder, query("db.query.consul.", Type.A), false);
        Record answer = a.getSection(Section.ANSWER).get(0);
        assertEquals("10.0.0.1", answer.rdataToString());
        assertEquals(30, answer.getTTL());
        Message other = ask(responder, query("db.replica.query.dc1.consul.", Type.A), false);
        assertEquals(0, other.getSection(Section.ANSWER).get(0).getTTL());
    }

    @Test
    void aQueryAnsweredByAnotherDatacenterNamesItsNodesThere() throws Exception {
        Message srv = ask(responder, query("far.query.consul.", Type.SRV), false);
        assertEquals(Name.fromConstantString("node-9.node.dc2.consul."),
                ((SRVRecord) srv.getSection(Section.ANSWER).get(0)).getTarget());
    }

    @Test
    void rfc2782SrvAndUnknownQueries() throws Exception {
        Message srv = ask(responder, query("_db._tcp.query.consul.", Type.SRV), false);
        SRVRecord record = (SRVRecord) srv.getSection(Section.ANSWER).get(0);
        assertEquals(5432, record.getPort());
        assertEquals("node-1.node.dc1.consul.", record.getTarget().toString());
        assertEquals(Rcode.NXDOMAIN, ask(responder, query("nope.query.consul.", Type.A), false).getRcode());
    }
}
