package io.cairn.gossip.internal.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cairn.agent.api.AgentIdentity;
import io.cairn.agent.api.AgentInfo;

class ComponentPartsTest {

    @Test
    void joinAddressesTakeConsulsForms() {
        assertEquals(new InetSocketAddress("127.0.0.1", 8301), JoinAddresses.resolve("127.0.0.1", 8301));
        assertEquals(new InetSocketAddress("127.0.0.1", 9301), JoinAddresses.resolve("127.0.0.1:9301", 8301));
        assertEquals(new InetSocketAddress("::1", 9301), JoinAddresses.resolve("[::1]:9301", 8301));
        assertEquals(new InetSocketAddress("::1", 8301), JoinAddresses.resolve("::1", 8301));
        assertEquals(List.of("a:1", "b", "c"), JoinAddresses.split("a:1, b", "", "c"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> JoinAddresses.resolve("127.0.0.1:99999", 8301));
        assertTrue(bad.getMessage().contains("127.0.0.1:99999") && bad.getMessage().contains("host:port"));
    }

    @Test
    void leaveSettingsDefaultByRole() {
        assertFalse(RoleDefault.resolve("leave_on_terminate", "", true, false), "servers stay");
        assertTrue(RoleDefault.resolve("leave_on_terminate", "", false, false), "clients leave");
        assertTrue(RoleDefault.resolve("leave_on_terminate", "true", true, false));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> RoleDefault.resolve("leave_on_terminate", "yes", true, false));
        assertTrue(bad.getMessage().contains("leave_on_terminate"));
    }

    @Test
    void serversTellWhereTheirRpcAndHttpAre() {
        assertEquals("consul", MemberTags.of(agent(true), 0).get("role"));
        assertEquals("8300", MemberTags.of(agent(true), 0).get("port"));
        assertEquals("127.0.0.1:8500", MemberTags.of(agent(true), 0).get("http_addr"), "where the API listens");
        assertEquals("10.0.0.5:8500", MemberTags.of(agent(true, "0.0.0.0"), 0).get("http_addr"),
                "the advertise address when the API listens everywhere");
        assertFalse(MemberTags.of(agent(true), 0).containsKey("https_addr"), "no HTTPS listener");
        AgentInfo httpsOnly = new AgentIdentity("s1", "", "dc1", true, false, "0.0.0.0", "10.0.0.5", "127.0.0.1", 0,
                8600, 8300, 8301, 8302, Path.of("/nonexistent"), 8501, null);
        assertEquals("127.0.0.1:8501", MemberTags.of(httpsOnly, 0).get("https_addr"));
        assertFalse(MemberTags.of(httpsOnly, 0).containsKey("http_addr"), "plain HTTP is off");
        assertEquals("3", MemberTags.of(agent(true), 3).get("expect"));
        assertFalse(MemberTags.of(agent(true), 0).containsKey("expect"));
        assertEquals("node", MemberTags.of(agent(false), 0).get("role"));
        assertFalse(MemberTags.of(agent(false), 0).containsKey("port"));
        assertEquals(List.of("role", "dc", "id", "build", "vsn", "vsn_min", "vsn_max", "segment"),
                List.copyOf(MemberTags.of(agent(false), 0).keySet()));
    }

    static AgentInfo agent(boolean server) {
        return agent(server, "127.0.0.1");
    }

    static AgentInfo agent(boolean server, String clientAddress) {
        return new AgentIdentity("s1", "6f0c2a54-0c5e-4d6c-9a80-3b8d6e3f2a11", "dc1", server, false, "0.0.0.0",
                "10.0.0.5", clientAddress, 8500, 8600, 8300, 8301, 8302, Path.of("/nonexistent"));
    }
}
