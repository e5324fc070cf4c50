package io.cairn.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.cairn.health.api.CheckType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthEngineTest {

    private final HealthEngine engine = new HealthEngine();
    private final FakeCheckType http = new FakeCheckType();

    @AfterEach
    void deactivate() {
        engine.deactivate();
    }

    @Test
    void readsTheServicePropertiesOfCheckTypes() {
        engine.addCheckType(http, Map.of(CheckType.TYPE, "http", CheckType.FIELD, new String[] {"HTTP"},
                "service.id", 7L));
        engine.addCheckType(new FakeCheckType(), Map.of(CheckType.TYPE, "docker",
                CheckType.FIELD, List.of("DockerContainerID", "Args"), "service.id", 8L));
        assertEquals(Map.of("http", List.of("HTTP"), "docker", List.of("DockerContainerID", "Args"),
                "ttl", List.of("TTL")), engine.types());
    }

    @Test
    void aPluginCannotTakeOverTtl() {
        engine.addCheckType(http, Map.of(CheckType.TYPE, "ttl", CheckType.FIELD, "HTTP", "service.id", 7L));
        assertEquals(Map.of("ttl", List.of("TTL")), engine.types());
    }

    @Test
    void anUpdatedServiceIsRemovedUnderItsOldName() {
        engine.addCheckType(http, Map.of(CheckType.TYPE, "http", CheckType.FIELD, "HTTP", "service.id", 7L));
        engine.updatedCheckType(http, Map.of(CheckType.TYPE, "http2", CheckType.FIELD, "HTTP", "service.id", 7L));
        assertEquals(Map.of("http2", List.of("HTTP"), "ttl", List.of("TTL")), engine.types());
        engine.removeCheckType(http, Map.of(CheckType.TYPE, "http2", CheckType.FIELD, "HTTP", "service.id", 7L));
        assertEquals(Map.of("ttl", List.of("TTL")), engine.types());
    }
}
