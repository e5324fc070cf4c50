package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.kiwiproject.consul.AgentClient;
import org.kiwiproject.consul.Consul;
import org.kiwiproject.consul.KeyValueClient;
import org.kiwiproject.consul.model.agent.Registration;
import org.kiwiproject.consul.model.health.ServiceHealth;

import com.google.common.net.HostAndPort;

/**
 * kiwiproject's consul-client, a strict Consul client from Maven Central (Immutables: required fields must be
 * present and non-null), used unmodified against a dev agent: KV, agent service registration with a TTL check,
 * the catalog and health queries.
 */
public class ConsulClientIT {
    private static AgentProcess agent;
    private static Consul consul;

    @BeforeClass
    public static void start() throws Exception {
        agent = new AgentProcess("client-it", Files.createTempDirectory("cairn-client-it").resolve("data"), "-dev")
                .start().awaitLeader(Duration.ofSeconds(120));
        consul = Consul.builder().withHostAndPort(HostAndPort.fromParts("127.0.0.1", agent.httpPort)).build();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (consul != null) {
            consul.destroy();
        }
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    public void keyValueRoundTrip() {
        KeyValueClient kv = consul.keyValueClient();
        assertTrue(kv.putValue("client/greeting", "hello"));
        assertEquals(Optional.of("hello"), kv.getValueAsString("client/greeting"));
        assertEquals(List.of("client/greeting"), kv.getKeys("client/"));
        kv.deleteKey("client/greeting");
        assertEquals(Optional.empty(), kv.getValueAsString("client/greeting"));
    }

    @Test
    public void registeredServiceBecomesHealthyWhenItsTtlCheckPasses() throws Exception {
        AgentClient agentClient = consul.agentClient();
        agentClient.register(8080, Registration.RegCheck.ttl(30), "web", "web-1", List.of("prod"), Map.of("team", "a"));
        assertTrue(agentClient.getServices().containsKey("web-1"));

        awaitCatalog(() -> consul.catalogClient().getServices().getResponse().containsKey("web"));
        assertEquals(List.of("prod"), consul.catalogClient().getServices().getResponse().get("web"));
        assertTrue("a new TTL check starts critical",
                consul.healthClient().getHealthyServiceInstances("web").getResponse().isEmpty());

        agentClient.pass("web-1");
        awaitCatalog(() -> !consul.healthClient().getHealthyServiceInstances("web").getResponse().isEmpty());
        ServiceHealth healthy = consul.healthClient().getHealthyServiceInstances("web").getResponse().get(0);
        assertEquals("web-1", healthy.getService().getId());
        assertEquals(8080, healthy.getService().getPort());
        assertEquals("a", healthy.getService().getMeta().get("team"));

        agentClient.deregister("web-1");
        awaitCatalog(() -> !consul.catalogClient().getServices().getResponse().containsKey("web"));
    }

    private static void awaitCatalog(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the catalog did not reflect the agent's state within 30 s");
            }
            Thread.sleep(100);
        }
    }
}
