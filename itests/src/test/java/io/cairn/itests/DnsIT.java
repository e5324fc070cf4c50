package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.DClass;

/**
 * The DNS interface of a dev agent, driven with the real {@code dig} and with dnsjava's resolver: services
 * registered through the HTTP API with passing, warning and critical checks are answered from the local
 * catalog view over UDP and TCP.
 */
public class DnsIT {
    private static AgentProcess agent;

    @BeforeClass
    public static void start() throws Exception {
        Path dir = Files.createTempDirectory("cairn-dns-it");
        agent = new AgentProcess("dnsnode", dir.resolve("data"), "-dev").start()
                .awaitLeader(Duration.ofSeconds(120));
        register("web-a", "10.0.0.1", "\"Port\": 8080, \"Tags\": [\"beta\"]", "passing");
        register("web-b", "10.0.0.2", "\"Port\": 8081, \"Address\": \"10.0.0.22\"", "warning");
        register("web-c", "10.0.0.3", "\"Port\": 8082, \"Tags\": [\"beta\"]", "critical");
        awaitDns();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
    }

    private static void register(String node, String address, String service, String status) throws Exception {
        String body = """
                {"Node": "%s", "Address": "%s",
                 "Service": {"Service": "hopscotch", %s},
                 "Check": {"CheckID": "hop", "Name": "hop", "Status": "%s", "ServiceID": "hopscotch"}}
                """.formatted(node, address, service, status);
        var response = agent.put("/v1/catalog/register", body);
        assertEquals(response.body(), 200, response.statusCode());
    }

    /** DNS may open after HTTP: wait until the registered service answers. */
    private static void awaitDns() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "";
        while (System.nanoTime() < deadline) {
            last = dig("+noall", "+answer", "hopscotch.service.consul");
            if (last.contains("10.0.0.1")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("DNS did not answer hopscotch.service.consul within 60 s; last dig output:\n"
                + last + "\n" + agent.tail());
    }

    /** Runs the real dig against the agent; fails (never skips) when dig is missing, since CI installs it. */
    private static String dig(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("+time=2", "+tries=1"));
        all.addAll(List.of(args));
        return Dig.run(agent.dnsPort, all);
    }

    /** The last field of each answer line of {@code dig +noall +answer}. */
    private static Set<String> data(String digOutput, String type) {
        Set<String> values = new TreeSet<>();
        for (String line : digOutput.lines().toList()) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 5 && fields[3].equals(type)) {
                values.add(String.join(" ", List.of(fields).subList(4, fields.length)));
            }
        }
        return values;
    }

    @Test
    public void anInstanceLeavesTheAnswersWhenItsCheckFails() throws Exception {
        assertEquals(200, agent.put("/v1/agent/service/register",
                "{\"Name\": \"ttlsvc\", \"Port\": 9090, \"Check\": {\"TTL\": \"60s\"}}").statusCode());
        assertEquals(200, agent.put("/v1/agent/check/pass/service:ttlsvc", "").statusCode());
        awaitAnswer("ttlsvc.service.consul", true);
        assertEquals(200, agent.put("/v1/agent/check/fail/service:ttlsvc?note=down", "").statusCode());
        awaitAnswer("ttlsvc.service.consul", false);
    }

    /** Waits until {@code name} has (or no longer has) an A record. */
    private static void awaitAnswer(String name, boolean present) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String last = "";
        while (System.nanoTime() < deadline) {
            last = dig("+noall", "+answer", name);
            if (data(last, "A").isEmpty() != present) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + (present ? " never answered" : " is still answered") + ":\n" + last);
    }

    @Test
    public void serviceAnswersEveryNonCriticalInstanceOverUdpAndTcp() throws Exception {
        String udp = dig("+noall", "+answer", "hopscotch.service.consul");
        assertEquals(udp, Set.of("10.0.0.1", "10.0.0.22"), data(udp, "A"));
        String tcp = dig("+tcp", "+noall", "+answer", "HopScotch.Service.DC1.consul");
        assertEquals(tcp, Set.of("10.0.0.1", "10.0.0.22"), data(tcp, "A"));
    }

    @Test
    public void rfc2782SrvFiltersByTagAndCarriesGlue() throws Exception {
        String out = dig("+noall", "+answer", "+additional", "_hopscotch._beta.service.consul", "SRV");
        assertEquals(out, Set.of("1 1 8080 web-a.node.dc1.consul."), data(out, "SRV"));
        assertTrue(out, out.matches("(?s).*web-a\\.node\\.dc1\\.consul\\.\\s+0\\s+IN\\s+A\\s+10\\.0\\.0\\.1.*"));
        String tagged = dig("+noall", "+answer", "beta.hopscotch.service.consul");
        assertEquals(tagged, Set.of("10.0.0.1"), data(tagged, "A"));
    }

    @Test
    public void srvForAnInstanceWithItsOwnAddressPointsAtTheAddrForm() throws Exception {
        String out = dig("+noall", "+answer", "_hopscotch._tcp.consul", "SRV");
        assertTrue(out, data(out, "SRV").contains("1 1 8081 0a000016.addr.dc1.consul."));
        String addr = dig("+noall", "+answer", "0a000016.addr.dc1.consul");
        assertEquals(addr, Set.of("10.0.0.22"), data(addr, "A"));
    }

    @Test
    public void nodeFormAnswersTheNodeAddress() throws Exception {
        String out = dig("+noall", "+answer", "web-c.node.consul");
        assertEquals(out, Set.of("10.0.0.3"), data(out, "A"));
    }

    @Test
    public void unknownNameIsNxdomainWithSoaAndOtherDomainsAreRefused() throws Exception {
        String missing = dig("nope.service.consul");
        assertTrue(missing, missing.contains("status: NXDOMAIN"));
        assertTrue(missing, missing.matches("(?s).*AUTHORITY SECTION:\\s+consul\\.\\s+0\\s+IN\\s+SOA\\s+ns\\.consul\\."
                + "\\s+hostmaster\\.consul\\..*"));
        String nodata = dig("web-a.node.consul", "SRV");
        assertTrue(nodata, nodata.contains("status: NOERROR") && nodata.contains("ANSWER: 0"));
        String refused = dig("example.org");
        assertTrue(refused, refused.contains("status: REFUSED"));
    }

    @Test
    public void dnsjavaResolverGetsTheSameAnswersOverTcp() throws Exception {
        SimpleResolver resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(agent.dnsPort);
        resolver.setTCP(true);
        resolver.setTimeout(Duration.ofSeconds(5));
        Message response = resolver.send(Message.newQuery(Record.newRecord(
                Name.fromString("hopscotch.service.consul."), Type.A, DClass.IN)));
        assertEquals(Rcode.NOERROR, response.getRcode());
        Set<String> addresses = new TreeSet<>();
        for (Record record : response.getSection(Section.ANSWER)) {
            addresses.add(((ARecord) record).getAddress().getHostAddress());
        }
        assertEquals(Set.of("10.0.0.1", "10.0.0.22"), addresses);
    }
}
