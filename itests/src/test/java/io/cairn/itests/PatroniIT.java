package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Patroni (Debian's package, unmodified) keeps a two-member PostgreSQL cluster highly available with a
 * {@code bin/cairn agent -dev} as its DCS: leader election with a session-held key in the KV, the members'
 * service registrations with role tags and HTTP checks, {@code master.<scope>.service.consul} in DNS; then the
 * leader is killed with {@code kill -9} (Patroni and PostgreSQL), the other member takes over within the TTL and
 * the catalog and DNS follow it, and the killed member comes back as a replica.
 * <p>
 * The methods run in name order and share the cluster: each step starts from the state the previous one left.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PatroniIT {
    private static final String SCOPE = "cairn-pg";
    /** The leader key's TTL in the members' bootstrap configuration. */
    private static final Duration TTL = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static AgentProcess agent;
    private static final List<PatroniMember> members = new ArrayList<>();
    private static PatroniMember leader;
    private static PatroniMember replica;

    @BeforeClass
    public static void startAgentAndCluster() throws Exception {
        Path agentDir = Files.createTempDirectory("cairn-patroni-it");
        agent = new AgentProcess("patroni-it", agentDir.resolve("data"), "-dev").start()
                .awaitLeader(Duration.ofSeconds(120));
        Path clusterDir = Files.createTempDirectory("cairn-patroni-it-pg");
        for (String name : List.of("pg1", "pg2")) {
            members.add(new PatroniMember(clusterDir, SCOPE, name, agent.httpAddr()).start());
        }
    }

    @AfterClass
    public static void stop() throws Exception {
        for (PatroniMember member : members) {
            member.close();
        }
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    public void a_oneMemberIsElectedLeaderAndTheOtherReplicates() throws Exception {
        await(Duration.ofSeconds(120), "one leader and one streaming replica", () -> {
            List<PatroniMember> leaders = new ArrayList<>();
            List<PatroniMember> replicas = new ArrayList<>();
            for (PatroniMember m : members) {
                if (m.isLeader()) {
                    leaders.add(m);
                } else if (m.isReplica()) {
                    replicas.add(m);
                }
            }
            leader = leaders.size() == 1 ? leaders.get(0) : null;
            replica = replicas.size() == 1 ? replicas.get(0) : null;
            return leader != null && replica != null;
        });
        String list = leader.patronictlList();
        assertTrue(list, list.lines().anyMatch(l -> l.contains(" " + leader.name + " ") && l.contains("Leader")));
        assertTrue(list, list.lines().anyMatch(l -> l.contains(" " + replica.name + " ") && l.contains("Replica")));
    }

    @Test
    public void b_theDcsLivesInCairnsKvWithTheLeaderKeyHeldByASession() throws Exception {
        Map<String, JsonNode> keys = kv("service/" + SCOPE + "/");
        for (String key : List.of("initialize", "config", "leader", "members/" + leader.name,
                "members/" + replica.name)) {
            assertTrue(keys.keySet() + " lacks " + key, keys.containsKey(key));
        }
        JsonNode leaderKey = keys.get("leader");
        assertEquals(leader.name, value(leaderKey));
        String session = leaderKey.path("Session").asText();
        assertTrue("the leader key is not held by a session: " + leaderKey, !session.isEmpty());
        JsonNode info = JSON.readTree(agent.get("/v1/session/info/" + session).body());
        assertEquals(info.toString(), SCOPE + "-" + leader.name, info.path(0).path("Name").asText());
        assertEquals(info.toString(), "delete", info.path(0).path("Behavior").asText());
        assertEquals(session, keys.get("members/" + leader.name).path("Session").asText());
    }

    @Test
    public void c_theCatalogAndDnsNameTheLeader() throws Exception {
        awaitRoles(Duration.ofSeconds(30), leader, replica);
    }

    @Test
    public void d_killingTheLeaderElectsTheOtherMemberWithinTheTtl() throws Exception {
        PatroniMember killed = leader;
        PatroniMember survivor = replica;
        long start = System.nanoTime();
        killed.kill();
        Duration budget = TTL.plusSeconds(15);
        await(budget, survivor.name + " to take the leader key after " + killed.name + " was killed",
                survivor::isLeader);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("PatroniIT: " + survivor.name + " became leader " + took.toMillis() + " ms after "
                + killed.name + " was killed");
        leader = survivor;
        replica = killed;
        assertEquals(survivor.name, value(kv("service/" + SCOPE + "/").get("leader")));
    }

    @Test
    public void e_theCatalogAndDnsFollowTheNewLeader() throws Exception {
        // Patroni registers the new role at once (tags and check URL; EnableTagOverride is set); the old leader's
        // check (its REST API's /master) turns critical within its 5 s interval.
        awaitRoles(Duration.ofSeconds(10), leader, null);
        Set<Integer> masters = srvPorts("master." + SCOPE + ".service.consul");
        assertEquals("master." + SCOPE + " must not answer the killed leader", Set.of(leader.pgPort), masters);
    }

    @Test
    public void f_theKilledMemberRejoinsAsAReplica() throws Exception {
        PatroniMember rejoining = replica;
        rejoining.start();
        await(Duration.ofSeconds(90), rejoining.name + " to rejoin as a replica", rejoining::isReplica);
        assertTrue(leader.name + " lost the lead", leader.isLeader());
        awaitRoles(Duration.ofSeconds(20), leader, rejoining);
    }

    /**
     * Waits until the catalog's {@code SCOPE} service carries the role tags Patroni registered ({@code master} and
     * {@code primary} on the leader, {@code replica} on the replica) and DNS answers {@code master.SCOPE} and
     * {@code replica.SCOPE} with their PostgreSQL ports; {@code replica} may be null (none running).
     */
    private static void awaitRoles(Duration timeout, PatroniMember leader, PatroniMember replica) throws Exception {
        String[] last = {""};
        try {
            await(timeout, "the catalog and DNS to show " + leader.name + " as leader"
                    + (replica == null ? "" : " and " + replica.name + " as replica"), () -> {
                        Map<String, List<String>> tags = catalogTags();
                        Set<Integer> masters = srvPorts("master." + SCOPE + ".service.consul");
                        Set<Integer> replicas = srvPorts("replica." + SCOPE + ".service.consul");
                        last[0] = "catalog tags " + tags + ", DNS master." + SCOPE + " " + masters + ", replica."
                                + SCOPE + " " + replicas + " (leader " + leader.name + " is port " + leader.pgPort
                                + (replica == null ? "" : ", replica " + replica.name + " port " + replica.pgPort) + ")";
                        List<String> leaderTags = tags.getOrDefault(SCOPE + "/" + leader.name, List.of());
                        boolean ok = leaderTags.containsAll(List.of("master", "primary"))
                                && !leaderTags.contains("replica") && masters.equals(Set.of(leader.pgPort));
                        if (replica != null) {
                            ok &= tags.getOrDefault(SCOPE + "/" + replica.name, List.of()).equals(List.of("replica"))
                                    && replicas.equals(Set.of(replica.pgPort));
                        }
                        return ok;
                    });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nlast seen: " + last[0], e);
        }
        List<String> addresses = dig("master." + SCOPE + ".service.consul", "A");
        assertEquals("master." + SCOPE + " A", List.of("127.0.0.1"), addresses);
    }

    /** ServiceID to ServiceTags of the catalog's {@code SCOPE} service. */
    private static Map<String, List<String>> catalogTags() throws Exception {
        HttpResponse<String> r = agent.get("/v1/catalog/service/" + SCOPE);
        assertEquals(r.body(), 200, r.statusCode());
        Map<String, List<String>> tags = new HashMap<>();
        for (JsonNode instance : JSON.readTree(r.body())) {
            List<String> t = new ArrayList<>();
            instance.path("ServiceTags").forEach(tag -> t.add(tag.asText()));
            tags.put(instance.path("ServiceID").asText(), t);
        }
        return tags;
    }

    /** The KV entries under {@code prefix}, by key relative to it. */
    private static Map<String, JsonNode> kv(String prefix) throws Exception {
        HttpResponse<String> r = agent.get("/v1/kv/" + prefix + "?recurse");
        assertEquals(r.body(), 200, r.statusCode());
        Map<String, JsonNode> entries = new HashMap<>();
        for (JsonNode entry : JSON.readTree(r.body())) {
            entries.put(entry.path("Key").asText().substring(prefix.length()), entry);
        }
        return entries;
    }

    private static String value(JsonNode entry) {
        assertNotNull("no such key", entry);
        return new String(Base64.getDecoder().decode(entry.path("Value").asText()), StandardCharsets.UTF_8);
    }

    /** The ports of the SRV records DNS answers for {@code name}. */
    private static Set<Integer> srvPorts(String name) throws IOException, InterruptedException {
        Set<Integer> ports = new HashSet<>();
        for (String data : dig(name, "SRV")) {
            ports.add(Integer.parseInt(data.split("\\s+")[2]));
        }
        return ports;
    }

    /** The data of each answer record of {@code type} the real dig prints for {@code name}. */
    private static List<String> dig(String name, String type) throws IOException, InterruptedException {
        String out = Dig.run(agent.dnsPort, List.of("+noall", "+answer", "+time=2", "+tries=1", name, type));
        List<String> data = new ArrayList<>();
        for (String line : out.lines().toList()) {
            String[] fields = line.trim().split("\\s+", 5);
            if (fields.length == 5 && fields[2].equals("IN") && fields[3].equals(type)) {
                data.add(fields[4]);
            }
        }
        return data;
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Duration timeout, String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.holds()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                StringBuilder logs = new StringBuilder();
                for (PatroniMember m : members) {
                    logs.append('\n').append(m.tail());
                }
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + logs);
            }
            Thread.sleep(500);
        }
    }
}
