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
    void readsJsonAndHclFilesInNameOrderAndSkipsOthers() throws Exception {
        Files.writeString(dir.resolve("b.json"), "{\"service\":{\"name\":\"b\"}}");
        Files.writeString(dir.resolve("a.json"), "{\"services\":[{\"name\":\"a\"}],\"check\":{\"name\":\"n\",\"ttl\":\"1s\"}}");
        Files.writeString(dir.resolve("c.hcl"), "service { name = \"c\" }");
        Files.writeString(dir.resolve("d.conf"), "service { name = \"d\" }");
        Files.createDirectory(dir.resolve("sub.json"));
        Definitions definitions = ConfigDirDefinitions.load(dir);
        assertEquals(List.of("a", "b", "c"), definitions.services().stream().map(ServiceDefinition::name).toList());
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

    @Test
    void hclFilesGiveTheDefinitionsOfTheirJsonEquivalents() throws Exception {
        Path hcl = Files.writeString(dir.resolve("web.hcl"), """
                services {
                  name = "web"
                  port = 8080
                  tags = ["a", "b"]
                  checks = [
                    { id = "web-http", http = "http://localhost:8080/health", interval = "10s" },
                  ]
                }
                services {
                  name = "api"
                  check {
                    ttl = "30s"
                  }
                }
                checks {
                  id = "mem"
                  name = "Memory"
                  args = ["/bin/true"]
                  interval = "5s"
                }
                checks {
                  id = "disk"
                  name = "Disk"
                  ttl = "1m"
                }
                """);
        Path json = Files.writeString(dir.resolve("web.json"), """
                {"services": [{"name": "web", "port": 8080, "tags": ["a", "b"],
                               "checks": [{"id": "web-http", "http": "http://localhost:8080/health",
                                           "interval": "10s"}]},
                              {"name": "api", "check": {"ttl": "30s"}}],
                 "checks": [{"id": "mem", "name": "Memory", "args": ["/bin/true"], "interval": "5s"},
                            {"id": "disk", "name": "Disk", "ttl": "1m"}]}
                """);
        assertEquals(ConfigDirDefinitions.loadFile(json), ConfigDirDefinitions.loadFile(hcl));
        assertEquals(List.of("web", "api"),
                ConfigDirDefinitions.loadFile(hcl).services().stream().map(ServiceDefinition::name).toList());
    }

    @Test
    void hclErrorsNameTheFileAndLine() throws Exception {
        Path syntax = Files.writeString(dir.resolve("bad.hcl"), "service {\n  name = \"web\"\n  port = @\n}\n");
        DefinitionException e = assertThrows(DefinitionException.class, () -> ConfigDirDefinitions.loadFile(syntax));
        assertTrue(e.getMessage().startsWith(syntax + ": invalid HCL: At 3:"), e.getMessage());
        Path twice = Files.writeString(dir.resolve("twice.hcl"), "service { name = \"a\" }\nservice { name = \"b\" }\n");
        e = assertThrows(DefinitionException.class, () -> ConfigDirDefinitions.loadFile(twice));
        assertEquals(twice + ": invalid HCL: service: []map[string]interface{} with more than one element not supported",
                e.getMessage());
        Path field = Files.writeString(dir.resolve("field.hcl"), "service {\n  name = \"w\"\n  port = \"x\"\n}\n");
        e = assertThrows(DefinitionException.class, () -> ConfigDirDefinitions.loadFile(field));
        assertEquals("service.port", e.field());
    }
}
