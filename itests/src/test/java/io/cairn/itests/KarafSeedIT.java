package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A new agent data dir starts from the Karaf cache the distribution build provisioned ({@code lib/seed}), and only
 * while the installation's {@code etc/} still provisions what that cache holds: after an edit of the boot
 * features, agents boot what the edit says.
 */
public class KarafSeedIT {
    private static final String FEATURES_CFG = "etc/org.apache.karaf.features.cfg";
    /** Karaf's features service logs these when it provisions the boot features into an empty cache. */
    private static final String PROVISIONING = "Adding features: ";
    private static final String PROVISIONED = "| Done.";

    @Test
    public void aNewAgentStartsFromTheSeedUnlessItsInstallationsBootFeaturesWereEdited() throws Exception {
        Path dir = Files.createTempDirectory("cairn-seed-it");
        Path home = dir.resolve("cairn");
        Process copy = new ProcessBuilder("cp", "-a", AgentProcess.ASSEMBLY.toString(), home.toString()).inheritIO()
                .start();
        assertEquals("copying the installation", 0, copy.waitFor());
        assertTrue("the build recorded a seed", Files.isRegularFile(home.resolve("lib/seed/inputs.properties")));

        try (AgentProcess seeded = new AgentProcess("seeded", dir.resolve("seeded"), "-dev").installedAt(home)
                .start()) {
            seeded.awaitLeader(Duration.ofSeconds(120));
            assertEquals(200, seeded.put("/v1/kv/seeded", "x").statusCode());
            assertEquals(InetAddress.getLoopbackAddress(), awaitNodeAddress(seeded));
            assertFalse("a seeded agent does not provision:\n" + seeded.tail(), karafLog(seeded).contains(PROVISIONING));
        }

        List<String> features = Files.readAllLines(home.resolve(FEATURES_CFG));
        List<String> withoutDns = features.stream().filter(line -> !line.trim().startsWith("cairn-dns/")).toList();
        assertEquals("the distribution boots cairn-dns", features.size() - 1, withoutDns.size());
        Files.write(home.resolve(FEATURES_CFG), withoutDns);

        try (AgentProcess edited = new AgentProcess("edited", dir.resolve("edited"), "-dev").installedAt(home)
                .start()) {
            edited.awaitLeader(Duration.ofSeconds(120));
            assertEquals(200, edited.put("/v1/kv/edited", "x").statusCode());
            assertTrue("an edited installation provisions:\n" + edited.tail(), karafLog(edited).contains(PROVISIONING));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!karafLog(edited).contains(PROVISIONED) && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertTrue("provisioning finished:\n" + edited.tail(), karafLog(edited).contains(PROVISIONED));
            assertNull("cairn-dns was taken out of the boot features", askNodeAddress(edited));
        }
    }

    /** Polls until the agent's DNS knows its own node (the catalog registers it shortly after the leader). */
    private static InetAddress awaitNodeAddress(AgentProcess agent) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Message answer = askNodeAddress(agent);
        while ((answer == null || answer.getSection(Section.ANSWER).isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            answer = askNodeAddress(agent);
        }
        assertTrue("no A record for " + agent.node + ".node.consul: " + answer,
                answer != null && answer.getSection(Section.ANSWER).size() == 1);
        return ((ARecord) answer.getSection(Section.ANSWER).get(0)).getAddress();
    }

    /** The agent's DNS answer to {@code <node>.node.consul A}, or null when nothing answers on its DNS port. */
    private static Message askNodeAddress(AgentProcess agent) throws IOException {
        SimpleResolver resolver = new SimpleResolver(InetAddress.getLoopbackAddress());
        resolver.setPort(agent.dnsPort);
        resolver.setTimeout(Duration.ofSeconds(2));
        Message query = Message.newQuery(Record.newRecord(Name.fromString(agent.node + ".node.consul."), Type.A,
                DClass.IN));
        try {
            return resolver.send(query);
        } catch (IOException noAnswer) {
            return null;
        }
    }

    private static String karafLog(AgentProcess agent) throws IOException {
        return Files.readString(agent.dataDir.resolve("karaf/log/karaf.log"));
    }
}
