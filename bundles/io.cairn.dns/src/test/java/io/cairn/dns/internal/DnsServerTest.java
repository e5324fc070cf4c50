package io.cairn.dns.internal;

import static io.cairn.dns.internal.Fixtures.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The real listeners, driven by dnsjava's resolver, with a second server standing in for a recursor. */
class DnsServerTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    private static SimpleResolver resolver(DnsServer server, boolean tcp) throws Exception {
        SimpleResolver resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(server.port());
        resolver.setTCP(tcp);
        resolver.setEDNS(-1); // plain DNS, so the UDP answer limit applies
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver;
    }

    @Test
    void answersOverUdpAndTcp() throws Exception {
        DnsResponder responder = Fixtures.responder(Fixtures.settings(), Fixtures.resolvers(20), q -> Optional.empty());
        try (DnsServer server = new DnsServer(LOOPBACK, responder::respond)) {
            Message udp = resolver(server, false).send(query("web.service.consul.", Type.A));
            assertEquals(3, udp.getSection(Section.ANSWER).size());
            Message tcp = resolver(server, true).send(query("web.service.consul.", Type.A));
            assertEquals(20, tcp.getSection(Section.ANSWER).size());
        }
    }

    @Test
    void forwardsOtherDomainsToTheFirstRecursorThatAnswers() throws Exception {
        DnsServer.Handler upstreamHandler = (wire, tcp) -> {
            try {
                Message question = new Message(wire);
                Message answer = new Message(question.getHeader().getID());
                answer.getHeader().setFlag(Flags.QR);
                answer.addRecord(question.getQuestion(), Section.QUESTION);
                answer.addRecord(new ARecord(question.getQuestion().getName(), DClass.IN, 60,
                        InetAddress.getByName("192.0.2.7")), Section.ANSWER);
                return Optional.of(answer.toWire());
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        };
        try (DatagramSocket silent = new DatagramSocket(LOOPBACK);
                DnsServer upstream = new DnsServer(LOOPBACK, upstreamHandler)) {
            List<InetSocketAddress> recursors = List.of(
                    new InetSocketAddress("127.0.0.1", silent.getLocalPort()),
                    new InetSocketAddress("127.0.0.1", upstream.port()));
            DnsSettings s = Fixtures.settings();
            DnsSettings settings = new DnsSettings(s.domain(), s.altDomain(), s.datacenter(), s.nodeName(), 0, 0, 3,
                    0, false, false, recursors, Duration.ofMillis(300));
            DnsResponder responder = Fixtures.responder(settings, Fixtures.resolvers(1),
                    new UdpForwarder(recursors, settings.recursorTimeout()));
            try (DnsServer server = new DnsServer(LOOPBACK, responder::respond)) {
                Message response = resolver(server, false).send(query("www.example.org.", Type.A));
                assertEquals(Rcode.NOERROR, response.getRcode());
                assertEquals("192.0.2.7", ((ARecord) response.getSection(Section.ANSWER).get(0)).getAddress()
                        .getHostAddress());
                Message own = resolver(server, false).send(query("web.service.consul.", Type.A));
                assertEquals(1, own.getSection(Section.ANSWER).size());
            }
        }
    }

    @Test
    void survivesThousandsOfRandomAndMutatedPackets() throws Exception {
        DnsResponder responder = Fixtures.responder(Fixtures.settings(), Fixtures.resolvers(5), q -> Optional.empty());
        Random random = new Random(42);
        List<byte[]> seeds = List.of(query("web.service.consul.", Type.A).toWire(),
                query("_web._tcp.consul.", Type.SRV).toWire(), query("server-1.node.consul.", Type.ANY).toWire(),
                query("1.1.1.10.in-addr.arpa.", Type.PTR).toWire(), query("example.org.", Type.A).toWire());
        try (DnsServer server = new DnsServer(LOOPBACK, responder::respond);
                DatagramSocket client = new DatagramSocket()) {
            InetSocketAddress target = new InetSocketAddress("127.0.0.1", server.port());
            for (int i = 0; i < 5000; i++) {
                byte[] packet = mutate(seeds.get(random.nextInt(seeds.size())), random);
                // Straight into the responder: it must never throw and must only emit parseable messages.
                responder.respond(packet, random.nextBoolean()).ifPresent(DnsServerTest::parses);
                if (i % 5 == 0) {
                    client.send(new DatagramPacket(packet, packet.length, target));
                }
            }
            // The live server still answers promptly after the garbage.
            Message after = resolver(server, false).send(query("web.service.consul.", Type.A));
            assertEquals(Rcode.NOERROR, after.getRcode());
            Message tcp = resolver(server, true).send(Message.newQuery(org.xbill.DNS.Record.newRecord(
                    Name.fromConstantString("consul."), Type.SOA, DClass.IN)));
            assertEquals(Type.SOA, tcp.getSection(Section.ANSWER).get(0).getType());
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        if (random.nextInt(10) == 0) {
            byte[] noise = new byte[random.nextInt(600)];
            random.nextBytes(noise);
            return noise;
        }
        byte[] copy = java.util.Arrays.copyOf(seed, Math.max(0, seed.length + random.nextInt(9) - 4));
        for (int flips = random.nextInt(4); flips >= 0; flips--) {
            if (copy.length > 0) {
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            }
        }
        return copy;
    }

    private static void parses(byte[] wire) {
        try {
            Message message = new Message(wire);
            assertTrue(message.getHeader().getFlag(Flags.QR));
        } catch (java.io.IOException e) {
            throw new AssertionError("responder emitted an unparseable message", e);
        }
    }
}
