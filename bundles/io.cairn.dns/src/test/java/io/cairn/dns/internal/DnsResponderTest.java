package io.cairn.dns.internal;

import static io.cairn.dns.internal.Fixtures.ask;
import static io.cairn.dns.internal.Fixtures.query;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class DnsResponderTest {

    private final DnsResponder responder = Fixtures.responder(Fixtures.settings(), Fixtures.resolvers(2),
            q -> Optional.empty());

    @Test
    void serviceAnswersEveryInstanceAddress() throws Exception {
        Message response = ask(responder, query("WEB.service.consul.", Type.A), false);
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertTrue(response.getHeader().getFlag(Flags.AA));
        Set<String> addresses = response.getSection(Section.ANSWER).stream()
                .map(r -> ((ARecord) r).getAddress().getHostAddress()).collect(Collectors.toSet());
        assertEquals(Set.of("10.0.0.1", "10.0.0.2"), addresses);
    }

    @Test
    void srvCarriesPortNodeTargetAndGlue() throws Exception {
        Message response = ask(responder, query("_web._tcp.service.dc1.consul.", Type.SRV), false);
        List<Record> answers = response.getSection(Section.ANSWER);
        assertEquals(2, answers.size());
        SRVRecord srv = answers.stream().map(SRVRecord.class::cast).filter(r -> r.getPort() == 8080).findFirst()
                .orElseThrow();
        assertEquals(Name.fromConstantString("node-0.node.dc1.consul."), srv.getTarget());
        assertTrue(response.getSection(Section.ADDITIONAL).stream()
                .anyMatch(r -> r.getName().equals(srv.getTarget()) && r.getType() == Type.A));
    }

    @Test
    void unknownNamesAreNxdomainWithSoa() throws Exception {
        for (String name : List.of("nope.service.consul.", "web.service.dc2.consul.", "empty.service.consul.",
                "what.consul.", "ghost.node.consul.")) {
            Message response = ask(responder, query(name, Type.A), false);
            assertEquals(Rcode.NXDOMAIN, response.getRcode(), name);
            assertTrue(response.getSection(Section.AUTHORITY).get(0) instanceof SOARecord, name);
        }
    }

    @Test
    void existingNameWithoutThatTypeIsNodataWithSoa() throws Exception {
        Message response = ask(responder, query("server-1.node.consul.", Type.SRV), false);
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertTrue(response.getSection(Section.ANSWER).isEmpty());
        assertEquals(Type.SOA, response.getSection(Section.AUTHORITY).get(0).getType());
    }

    @Test
    void nodeAnswersAddressAndMetaTxt() throws Exception {
        Message a = ask(responder, query("server-1.node.dc1.dc.consul.", Type.A), false);
        assertEquals("10.1.1.1", ((ARecord) a.getSection(Section.ANSWER).get(0)).getAddress().getHostAddress());
        Message txt = ask(responder, query("server-1.node.consul.", Type.TXT), false);
        assertEquals(List.of("rack=r1"), ((TXTRecord) txt.getSection(Section.ANSWER).get(0)).getStrings());
    }

    @Test
    void apexAnswersSoaAndNsWithGlue() throws Exception {
        Message soa = ask(responder, query("consul.", Type.SOA), false);
        SOARecord record = (SOARecord) soa.getSection(Section.ANSWER).get(0);
        assertEquals(Name.fromConstantString("hostmaster.consul."), record.getAdmin());
        assertEquals(1_700_000_000L, record.getSerial());
        Message ns = ask(responder, query("consul.", Type.NS), false);
        assertEquals(Type.NS, ns.getSection(Section.ANSWER).get(0).getType());
        assertEquals(Type.A, ns.getSection(Section.ADDITIONAL).get(0).getType());
    }

    @Test
    void altDomainAnswersInItsOwnDomain() throws Exception {
        Message response = ask(responder, query("_web._tcp.cairn.test.", Type.SRV), false);
        SRVRecord srv = (SRVRecord) response.getSection(Section.ANSWER).get(0);
        assertTrue(srv.getTarget().toString().endsWith(".node.dc1.cairn.test."));
    }

    @Test
    void addrDecodesHex() throws Exception {
        Message response = ask(responder, query("0a000001.addr.dc1.consul.", Type.A), false);
        assertEquals("10.0.0.1", ((ARecord) response.getSection(Section.ANSWER).get(0)).getAddress()
                .getHostAddress());
    }

    @Test
    void ptrNamesTheNode() throws Exception {
        Message response = ask(responder, query("1.1.1.10.in-addr.arpa.", Type.PTR), false);
        assertEquals(Name.fromConstantString("server-1.node.dc1.consul."),
                ((PTRRecord) response.getSection(Section.ANSWER).get(0)).getTarget());
    }

    @Test
    void udpWithoutEdnsGetsThreeAnswersAndNoTcByDefault() throws Exception {
        DnsResponder many = Fixtures.responder(Fixtures.settings(), Fixtures.resolvers(20), q -> Optional.empty());
        Message response = ask(many, query("web.service.consul.", Type.A), false);
        assertEquals(3, response.getSection(Section.ANSWER).size());
        assertFalse(response.getHeader().getFlag(Flags.TC));
        assertEquals(20, ask(many, query("web.service.consul.", Type.A), true).getSection(Section.ANSWER).size());
    }

    @Test
    void truncationBitOnlyWhenEnabled() throws Exception {
        DnsSettings s = Fixtures.settings();
        DnsSettings truncating = new DnsSettings(s.domain(), s.altDomain(), s.datacenter(), s.nodeName(), 0, 0, 3,
                0, true, false, List.of(), Duration.ofSeconds(1));
        DnsResponder many = Fixtures.responder(truncating, Fixtures.resolvers(20), q -> Optional.empty());
        assertTrue(ask(many, query("web.service.consul.", Type.A), false).getHeader().getFlag(Flags.TC));
    }

    @Test
    void ednsRaisesTheLimitToTheAdvertisedSize() throws Exception {
        DnsResponder many = Fixtures.responder(Fixtures.settings(), Fixtures.resolvers(400), q -> Optional.empty());
        Message query = query("web.service.consul.", Type.A);
        query.addRecord(new OPTRecord(4096, 0, 0), Section.ADDITIONAL);
        byte[] wire = many.respond(query.toWire(), false).orElseThrow();
        Message response = new Message(wire);
        assertTrue(wire.length <= 4096);
        assertTrue(response.getSection(Section.ANSWER).size() > 100, "got " + response.getSection(Section.ANSWER)
                .size());
        assertEquals(4096, response.getOPT().getPayloadSize());
    }

    @Test
    void aRecordLimitCapsEveryTransport() throws Exception {
        DnsSettings s = Fixtures.settings();
        DnsSettings limited = new DnsSettings(s.domain(), s.altDomain(), s.datacenter(), s.nodeName(), 0, 0, 3, 2,
                false, false, List.of(), Duration.ofSeconds(1));
        DnsResponder many = Fixtures.responder(limited, Fixtures.resolvers(20), q -> Optional.empty());
        assertEquals(2, ask(many, query("web.service.consul.", Type.A), true).getSection(Section.ANSWER).size());
    }

    @Test
    void otherDomainsAreRefusedWithoutRecursorsAndForwardedWithThem() throws Exception {
        assertEquals(Rcode.REFUSED, ask(responder, query("example.org.", Type.A), false).getRcode());
        DnsSettings s = Fixtures.settings();
        DnsSettings recursing = new DnsSettings(s.domain(), s.altDomain(), s.datacenter(), s.nodeName(), 0, 0, 3,
                0, false, false, List.of(new java.net.InetSocketAddress("127.0.0.1", 53)), Duration.ofSeconds(1));
        byte[] canned = {1, 2, (byte) 0x81, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0};
        Message query = query("example.org.", Type.A);
        assertArrayEquals(canned, Fixtures.responder(recursing, Fixtures.resolvers(1), q -> Optional.of(canned))
                .respond(query.toWire(), false).orElseThrow());
        Message failed = ask(Fixtures.responder(recursing, Fixtures.resolvers(1), q -> Optional.empty()), query,
                false);
        assertEquals(Rcode.SERVFAIL, failed.getRcode());
        assertTrue(failed.getHeader().getFlag(Flags.RA));
    }

    @Test
    void badPacketsGetFormerrNotimpOrNothing() throws Exception {
        assertTrue(responder.respond(new byte[5], false).isEmpty());
        byte[] garbage = {0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 7, 'x'};
        Message formerr = new Message(responder.respond(garbage, false).orElseThrow());
        assertEquals(Rcode.FORMERR, formerr.getRcode());
        assertEquals(0x1234, formerr.getHeader().getID());
        Message update = query("web.service.consul.", Type.A);
        update.getHeader().setOpcode(Opcode.UPDATE);
        assertEquals(Rcode.NOTIMP, ask(responder, update, false).getRcode());
        Message response = ask(responder, query("web.service.consul.", Type.A), false);
        response.getHeader().setFlag(Flags.QR);
        assertTrue(responder.respond(response.toWire(), false).isEmpty(), "responses are never answered");
    }

    @Test
    void failingResolverGivesServfail() throws Exception {
        assertEquals(Rcode.SERVFAIL, ask(responder, query("boom.service.consul.", Type.A), false).getRcode());
    }

    @Test
    void chaosClassIsNotImplemented() throws Exception {
        Message chaos = Message.newQuery(Record.newRecord(Name.fromConstantString("version.bind."), Type.TXT,
                DClass.CH));
        assertEquals(Rcode.NOTIMP, ask(responder, chaos, false).getRcode());
    }
}
