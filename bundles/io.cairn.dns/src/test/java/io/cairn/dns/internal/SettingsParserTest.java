package io.cairn.dns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cairn.agent.api.AgentIdentity;
import io.cairn.agent.api.AgentInfo;

class SettingsParserTest {

    private static AgentInfo agent(String nodeName, String datacenter) {
        return new AgentIdentity(nodeName, "", datacenter, true, false, "127.0.0.1", "127.0.0.1", "127.0.0.1", 8500,
                8600, 8300, 8301, 8302, Path.of("data"));
    }

    /** The configuration with the OCD's defaults, except for {@code values} (keyed by method name). */
    private static DnsConfig config(Map<String, Object> values) {
        return (DnsConfig) Proxy.newProxyInstance(DnsConfig.class.getClassLoader(), new Class<?>[] {DnsConfig.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getDefaultValue());
    }

    @Test
    void answersForTheAgentsNodeAndDatacenter() {
        DnsSettings settings = SettingsParser.parse(config(Map.of()), agent("web1", "East"));

        assertEquals("web1", settings.nodeName());
        assertEquals("east", settings.datacenter(), "DNS names are matched in lower case");
        assertEquals("consul.", settings.domain().toString());
    }

    @Test
    void badTtlIsRefusedNamingItsKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SettingsParser.parse(config(Map.of("node_ttl", "soon")), agent("web1", "dc1")));

        assertEquals("node.ttl: 'soon' is not a duration such as 0s, 10s, 1m30s", e.getMessage());
    }

    @Test
    void durationsAreGoDurationsOrBareSeconds() {
        assertEquals(Duration.ofSeconds(90), SettingsParser.duration("node.ttl", "1m30s"));
        assertEquals(Duration.ofMillis(1500), SettingsParser.duration("recursor.timeout", " 1.5s "));
        assertEquals(Duration.ofMillis(250), SettingsParser.duration("recursor.timeout", "250ms"));
        assertEquals(Duration.ZERO, SettingsParser.duration("service.ttl", "0"));
        assertEquals(Duration.ofSeconds(30), SettingsParser.duration("service.ttl", "30"));
        for (String refused : new String[] {"", "-5s", "1d", "5 s", "s"}) {
            assertEquals("service.ttl: '" + refused + "' is not a duration such as 0s, 10s, 1m30s",
                    assertThrows(IllegalArgumentException.class,
                            () -> SettingsParser.duration("service.ttl", refused)).getMessage());
        }
    }
}
