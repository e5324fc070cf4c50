package io.cairn.agent.definitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

class ConfigFileTreeTest {
    @TempDir
    Path dir;

    @Test
    void anHclFileIsTheTreeOfItsJsonEquivalentWithRepeatedWatchesAndTemplatesAsLists() throws Exception {
        Path hcl = Files.writeString(dir.resolve("a.hcl"), """
                watches {
                  type = "key"
                  key = "k"
                  args = ["/bin/true"]
                }
                watches {
                  type = "nodes"
                  handler_type = "http"
                  http_handler_config { path = "http://127.0.0.1:1/w" }
                }
                template {
                  source = "in.tpl"
                  destination = "out"
                }
                port = 8080
                """);
        assertEquals(new ObjectMapper().readTree("""
                {"watches": [{"type": "key", "key": "k", "args": ["/bin/true"]},
                             {"type": "nodes", "handler_type": "http",
                              "http_handler_config": {"path": "http://127.0.0.1:1/w"}}],
                 "template": [{"source": "in.tpl", "destination": "out"}],
                 "port": 8080}""").toString(), ConfigFileTree.read(hcl).toString());
        Path json = Files.writeString(dir.resolve("b.json"), "{\"template\": {\"source\": \"x\"}}");
        assertTrue(ConfigFileTree.read(json).get("template").isObject());
    }

    @Test
    void aBrokenFileIsAnIOExceptionSayingWhere() throws Exception {
        Path hcl = Files.writeString(dir.resolve("a.hcl"), "watches {\n  type = \n");
        IOException e = assertThrows(IOException.class, () -> ConfigFileTree.read(hcl));
        assertTrue(e.getMessage().startsWith("invalid HCL: At "), e.getMessage());
        Path json = Files.writeString(dir.resolve("b.json"), "{\"watches\": [");
        assertThrows(IOException.class, () -> ConfigFileTree.read(json));
    }

    @Test
    void aConfigDirHoldsJsonAndHclFiles() {
        assertTrue(ConfigFileTree.isConfigFile(Path.of("/etc/cairn.d/a.json")));
        assertTrue(ConfigFileTree.isConfigFile(Path.of("b.hcl")));
        assertFalse(ConfigFileTree.isConfigFile(Path.of("c.conf")));
    }
}
