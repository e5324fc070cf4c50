package io.cairn.agent.definitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.health.api.CheckDefinition;

class ConfigDirDefinitionsTest {
    @TempDir
    Path dir;

    @Test
    void readsJsonFilesInNameOrderAndSkipsOthers() throws Exception {
        Files.writeString(dir.resolve("b.json"), "{\"service\":{\"name\":\"b\"}}");
        Files.writeString(dir.resolve("a.json"), "{\"services\":[{\"name\":\"a\"}],\"check\":{\"name\":\"n\",\"ttl\":\"1s\"}}");
        Files.writeString(dir.resolve("c.hcl"), "service { name = \"c\" }");
        Files.createDirectory(dir.resolve("sub.json"));
        Definitions definitions = ConfigDirDefinitions.load(dir);
        assertEquals(List.of("a", "b"), definitions.services().stream().map(ServiceDefinition::name).toList());
        assertEquals(List.of("n"), definitions.checks().stream().map(CheckDefinition::id).toList());
    }

    @Test
    void dirsThenFiles() throws Exception {
        Path other = Files.createDirectory(dir.resolve("d"));
        Files.writeString(other.resolve("x.json"), "{\"service\":{\"name\":\"x\"}}");
        Path file = Files.writeString(dir.resolve("extra.conf"), "{\"service\":{\"name\":\"y\"}}");
        Definitions definitions = ConfigDirDefinitions.load(List.of(other), List.of(file));
        assertEquals(List.of("x", "y"), definitions.services().stream().map(ServiceDefinition::name).toList());
    }

    @Test
    void errorsNameTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("services.json"),
                "{\"service\":{\"name\":\"w\",\"check\":{\"http\":\"http://x\",\"interval\":\"10x\"}}}");
        DefinitionException e = assertThrows(DefinitionException.class, () -> ConfigDirDefinitions.load(dir));
        assertEquals(file.toString(), e.file());
        assertEquals("service.check.interval", e.field());
        assertTrue(e.getMessage().startsWith(file + ": service.check.interval: invalid duration \"10x\""));
    }

    @Test
    void aMissingDirIsAnError() {
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> ConfigDirDefinitions.load(dir.resolve("nope")));
        assertTrue(e.getMessage().startsWith(dir.resolve("nope") + ": cannot read the config dir"));
    }
}
