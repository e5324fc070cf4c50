package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.After;
import org.junit.Test;

/**
 * Gossip encryption as an attacker meets it: an agent with the cluster's key joins, an agent with another key
 * cannot (and its log says why), and the keyring rotates a new key in on every member.
 */
public class GossipEncryptionIT {
    private final List<AgentProcess> agents = new ArrayList<>();

    @After
    public void stop() throws InterruptedException {
        for (AgentProcess agent : agents) {
            agent.close();
        }
    }

    @Test
    public void onlyAgentsWithTheKeyJoinAndTheKeyringRotates() throws Exception {
        String key = Cli.cairn("127.0.0.1:1", "keygen").stdout().trim();
        String otherKey = Cli.cairn("127.0.0.1:1", "keygen").stdout().trim();
        assertEquals(44, key.length());
        Path dir = Files.createTempDirectory("cairn-gossip-encryption-it");
        AgentProcess server = agent(new AgentProcess("enc-server", dir.resolve("server"), "-server",
                "-bootstrap-expect", "1", "-bind", "127.0.0.1", "-encrypt", key));
        server.start().awaitLeader(Duration.ofSeconds(120));

        AgentProcess friend = agent(new AgentProcess("friend", dir.resolve("friend"), "-bind", "127.0.0.1",
                "-encrypt", key, "-retry-join", "127.0.0.1:" + server.serfLanPort));
        friend.start().awaitLeader(Duration.ofSeconds(120));
        assertTrue(Cli.cairn(server.httpAddr(), "members").stdout().contains("friend"));

        AgentProcess intruder = agent(new AgentProcess("intruder", dir.resolve("intruder"), "-bind", "127.0.0.1",
                "-encrypt", otherKey, "-retry-join", "127.0.0.1:" + server.serfLanPort));
        intruder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.readString(server.dataDir.resolve("karaf/log/karaf.log")).contains("could not be decrypted")) {
            assertTrue("the server never logged the intruder's undecryptable gossip:\n" + server.tail(),
                    System.nanoTime() < deadline);
            Thread.sleep(500);
        }
        Thread.sleep(3000);
        assertFalse("an agent with another key must not join",
                Cli.cairn(server.httpAddr(), "members").stdout().contains("intruder"));
        assertFalse(Cli.cairn(intruder.httpAddr(), "members").stdout().contains("enc-server"));

        // rotation: install a new key everywhere, make it primary, remove the old one
        String next = Cli.cairn(server.httpAddr(), "keygen").stdout().trim();
        assertEquals(0, Cli.cairn(server.httpAddr(), "keyring", "-install=" + next).exitCode());
        assertEquals(0, Cli.cairn(server.httpAddr(), "keyring", "-use=" + next).exitCode());
        assertEquals(0, Cli.cairn(server.httpAddr(), "keyring", "-remove=" + key).exitCode());
        Cli.Result list = Cli.cairn(friend.httpAddr(), "keyring", "-list");
        assertEquals(list.stderr(), 0, list.exitCode());
        assertTrue(list.stdout(), list.stdout().contains(next + " [2/2]"));
        assertFalse(list.stdout(), list.stdout().contains(key));
        assertTrue(Cli.cairn(server.httpAddr(), "members").stdout().lines()
                .anyMatch(l -> l.startsWith("friend") && l.contains(" alive ")));
    }

    private AgentProcess agent(AgentProcess agent) {
        agents.add(agent);
        return agent;
    }
}
