package io.cairn.template.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.template.api.TemplateFunction;
import io.cairn.template.internal.runner.Retry;
import io.cairn.template.internal.runner.Runner;
import io.cairn.template.internal.runner.RunnerConfig;
import io.cairn.template.internal.runner.RunnerLog;
import io.cairn.template.internal.runner.TemplateSpec;
import io.cairn.template.internal.runner.WaitSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentTemplatesTest {
    @TempDir
    Path dir;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> runs = new ArrayList<>();
    private final RunnerLog log = new RunnerLog() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    };

    /** Records which templates and functions each runner got; its queries never answer. */
    private final AgentTemplates templates = new AgentTemplates((specs, functions) -> {
        runs.add(specs.stream().map(s -> s.destination().getFileName().toString()).toList() + " "
                + functions.keySet());
        return new Runner(new RunnerConfig(specs, WaitSpec.NONE, Duration.ofSeconds(60), Retry.DEFAULT, false, false),
                (spec, text, context) -> () -> "", (path, index, wait) -> new CompletableFuture<>(),
                (spec, content) -> false,
                (argv, timeout) -> {}, log, Runner.Listener.NONE, Clock.systemUTC());
    }, log);

    private static TemplateSpec inline(String destination) {
        return new TemplateSpec(null, "x", Path.of(destination), List.of(), Duration.ofSeconds(1), null, false, "{{",
                "}}", null);
    }

    @Test
    void everyChangeReplacesTheOneRunnerThatRendersAllTemplates() throws Exception {
        templates.configDirTemplates(List.of());
        assertEquals(List.of(), runs, "no templates, no runner");
        templates.configDirTemplates(List.of(inline("a")));
        templates.putConfigured("pid-1", inline("b"));
        templates.functions(Map.of("shout", args -> "!"));
        templates.removeConfigured("pid-1");
        templates.removeConfigured("unknown");
        templates.close();
        assertEquals(List.of("[a] []", "[a, b] []", "[a, b] [shout]", "[a] [shout]"), runs);
    }

    @Test
    void configDirStanzasResolveRelativePathsAndBrokenFilesAreSkippedWithAWarning() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("a.json"), """
                {"service": {"name": "web"},
                 "template": [{"source": "nginx.tpl", "destination": "/tmp/out/nginx.cfg", "command": "true"}]}""");
        Files.writeString(config.resolve("b.json"), "{\"service\": {\"name\": \"db\"}}");
        Files.writeString(config.resolve("c.json"), "{\"template\": {\"source\": \"x.tpl\"}}");
        Files.writeString(config.resolve("notes.txt"), "{\"template\": {}}");
        Path extra = Files.writeString(dir.resolve("extra.json"), "{\"template\": {\"contents\": \"hi\", "
                + "\"destination\": \"hi.txt\"}}");
        List<TemplateSpec> specs = new ConfigDirTemplates(List.of(config), List.of(extra)).changed(log).orElseThrow()
                .templates();
        assertEquals(List.of(config.resolve("nginx.tpl"), dir.resolve("hi.txt")),
                List.of(specs.get(0).source(), specs.get(1).destination()));
        assertEquals(List.of("/bin/sh", "-c", "true"), specs.get(0).command());
        assertEquals(List.of("config file " + config.resolve("c.json")
                + ", field \"template\": missing destination"), warnings);
    }

    @Test
    void hclConfigFilesGiveOneTemplatePerBlockAsTheirJsonEquivalent() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("a.hcl"), """
                service { name = "web" }
                template {
                  source = "nginx.tpl"
                  destination = "nginx.cfg"
                  command = "true"
                  wait { min = "1s" }
                }
                template {
                  contents = "hi"
                  destination = "/tmp/out/hi.txt"
                }
                consul { ssl { enabled = false } }
                """);
        Files.writeString(config.resolve("b.hcl"), "template { source = ");
        List<TemplateSpec> specs = new ConfigDirTemplates(List.of(config), List.of()).changed(log).orElseThrow()
                .templates();
        assertEquals(List.of(config.resolve("nginx.tpl"), Path.of("/tmp/out/hi.txt")),
                List.of(specs.get(0).source(), specs.get(1).destination()));
        assertEquals(List.of("/bin/sh", "-c", "true"), specs.get(0).command());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("config file " + config.resolve("b.hcl")
                + ": cannot read its templates (invalid HCL: At "), warnings.get(0));
    }

    @Test
    void readingAgainReportsOnlyChangesAndEachProblemOnce() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("a.json"), "{\"template\": {\"source\": \"a.tpl\", \"destination\": \"a\"}}");
        Files.writeString(config.resolve("bad.json"), "{\"template\": 1}");
        ConfigDirTemplates stanzas = new ConfigDirTemplates(List.of(config), List.of());
        assertEquals(1, stanzas.changed(log).orElseThrow().templates().size());
        assertTrue(stanzas.changed(log).isEmpty(), "nothing changed");
        assertEquals(1, warnings.size(), "the broken file is reported once: " + warnings);

        Files.writeString(config.resolve("b.json"), "{\"template\": {\"source\": \"b.tpl\", \"destination\": \"b\"}}");
        assertEquals(List.of(config.resolve("a.tpl"), config.resolve("b.tpl")), stanzas.changed(log).orElseThrow()
                .templates().stream().map(TemplateSpec::source).toList());
        Files.delete(config.resolve("bad.json"));
        assertTrue(stanzas.changed(log).isEmpty());
        assertEquals(1, warnings.size());
    }

    @Test
    void functionServicesAreRankedByNameAndNeedGoIdentifiers() {
        FunctionRegistry registry = new FunctionRegistry();
        TemplateFunction low = args -> "low";
        TemplateFunction high = args -> "high";
        assertTrue(registry.add(low, Map.of(TemplateFunction.NAME, "f", "service.id", 1L)));
        assertTrue(registry.add(high, Map.of(TemplateFunction.NAME, "f", "service.id", 2L, "service.ranking", 5)));
        assertEquals(high, registry.current().get("f"));
        assertTrue(registry.remove(Map.of(TemplateFunction.NAME, "f", "service.id", 2L, "service.ranking", 5)));
        assertEquals(low, registry.current().get("f"));
        assertTrue(!registry.add(low, Map.of(TemplateFunction.NAME, "not-an-identifier", "service.id", 3L)));
        assertTrue(!registry.add(low, Map.of("service.id", 4L)));
        assertEquals(Map.of("f", low), registry.current());
    }

    @Test
    void factoryConfigurationsBecomeTemplates() {
        TemplateSpec spec = TemplateFileComponent.spec("/etc/tpl/nginx.tpl", "", "/etc/nginx/nginx.cfg",
                "nginx -s reload", "10s", "0640", true, "[[", "]]", "2s:10s");
        assertEquals(new TemplateSpec(Path.of("/etc/tpl/nginx.tpl"), null, Path.of("/etc/nginx/nginx.cfg"),
                List.of("/bin/sh", "-c", "nginx -s reload"), Duration.ofSeconds(10), 0640, true, "[[", "]]",
                new WaitSpec(Duration.ofSeconds(2), Duration.ofSeconds(10))), spec);
        assertEquals("io.cairn.template.file: destination is required", assertThrows(IllegalArgumentException.class,
                () -> TemplateFileComponent.spec("a", "", "", "", "30s", "", false, "{{", "}}", "")).getMessage());
        assertEquals("io.cairn.template.file: set exactly one of source and contents",
                assertThrows(IllegalArgumentException.class,
                        () -> TemplateFileComponent.spec("a", "x", "b", "", "30s", "", false, "{{", "}}", ""))
                        .getMessage());
    }
}
