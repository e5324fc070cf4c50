package io.cairn.template.internal.config;

import io.cairn.template.internal.exec.ExecSpec;
import io.cairn.template.internal.runner.Retry;
import io.cairn.template.internal.runner.RunnerConfig;
import io.cairn.template.internal.runner.TemplateSpec;
import io.cairn.template.internal.runner.WaitSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigFileReaderTest {
    @TempDir
    Path dir;
    private final List<String> warnings = new ArrayList<>();

    private TemplateSettings read(String json) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        TemplateSettings settings = new TemplateSettings();
        ConfigFileReader.read(file, settings, warnings::add);
        return settings;
    }

    private String error(String json) {
        return assertThrows(ConfigException.class, () -> read(json)).getMessage()
                .replace(dir.resolve("config.json").toString(), "c.json");
    }

    @Test
    void consulTemplateKeys() throws Exception {
        TemplateSettings settings = read("""
                {"consul": {"address": "10.0.0.1:8500", "token": "t0k",
                                        "retry": {"attempts": 3, "backoff": "1s", "max_backoff": "4s"}},
                  "wait": {"min": "2s", "max": "20s"},
                  "block_query_wait": "30s",
                  "log_level": "debug",
                  "template": [
                      {"source": "nginx.tpl", "destination": "/etc/nginx.cfg", "command": "nginx -s reload",
                        "command_timeout": "5s", "perms": "0640", "backup": true, "left_delimiter": "[[",
                        "right_delimiter": "]]", "wait": "1s:3s"},
                      {"contents": "{{ key \\"a\\" }}", "destination": "a.txt", "command": ["touch", "x"]}],
                  "exec": {"command": "app -c a.txt", "reload_signal": "SIGUSR1", "kill_signal": "SIGTERM",
                                    "kill_timeout": "3s"}}
                """);
        assertEquals("10.0.0.1:8500", settings.consulAddress());
        assertEquals("t0k", settings.consulToken());
        RunnerConfig config = settings.runnerConfig(false);
        assertEquals(new Retry(true, 3, Duration.ofSeconds(1), Duration.ofSeconds(4)), config.retry());
        assertEquals(new WaitSpec(Duration.ofSeconds(2), Duration.ofSeconds(20)), config.quiescence());
        assertEquals(Duration.ofSeconds(30), config.blockQueryWait());
        TemplateSpec nginx = config.templates().get(0);
        assertEquals(new TemplateSpec(Path.of("nginx.tpl"), null, Path.of("/etc/nginx.cfg"),
                List.of("/bin/sh", "-c", "nginx -s reload"), Duration.ofSeconds(5), 0640, true, "[[", "]]",
                new WaitSpec(Duration.ofSeconds(1), Duration.ofSeconds(3))), nginx);
        TemplateSpec inline = config.templates().get(1);
        assertEquals("{{ key \"a\" }}", inline.contents());
        assertEquals(List.of("touch", "x"), inline.command());
        assertEquals(new ExecSpec(List.of("/bin/sh", "-c", "exec app -c a.txt"), "USR1", "TERM",
                Duration.ofSeconds(3)), settings.execSpec());
        assertEquals(List.of("config file " + dir.resolve("config.json")
                + ", field \"log_level\": not supported by cairn template, ignored"), warnings);
    }

    @Test
    void theSslBlockAndConsulTemplatesRuleForEnabled() throws Exception {
        TemplateSettings settings = read("""
                {"consul": {"ssl": {"verify": false, "cert": "c.pem", "key": "k.pem", "ca_cert": "ca.pem",
                                    "ca_path": "/etc/cas", "server_name": "server.dc1.consul"}}}""");
        SslSettings ssl = settings.ssl();
        assertEquals(new SslSettings(null, false, Path.of("c.pem"), Path.of("k.pem"), Path.of("ca.pem"),
                Path.of("/etc/cas"), "server.dc1.consul"), ssl);
        assertTrue(ssl.isEnabled(), "files given and enabled not set: on, as in consul-template");
        assertTrue(!ssl.isVerified());
        assertTrue(!SslSettings.NONE.isEnabled() && SslSettings.NONE.isVerified());
        assertTrue(!ssl.overriddenBy(new SslSettings(false, null, null, null, null, null, null)).isEnabled());
        assertEquals(List.of(), warnings, "ssl is no longer ignored");
        assertEquals("config file c.json, field \"consul\".ssl.enabled: expected true or false, got \"yes\"",
                error("{\"consul\": {\"ssl\": {\"enabled\": \"yes\"}}}"));
    }

    @Test
    void aSingleTemplateObjectAndAStringWaitAreAccepted() throws Exception {
        TemplateSettings settings = read(
                "{\"wait\": \"5s\", \"template\": {\"source\": \"a\", \"destination\": \"b\"}}");
        assertEquals(1, settings.templates().size());
        assertEquals(new WaitSpec(Duration.ofSeconds(5), Duration.ofSeconds(20)), settings.runnerConfig(true)
                .quiescence());
        assertNull(settings.execSpec());
    }

    @Test
    void mistakesAreReportedWithFileFieldAndWhatIsAccepted() {
        assertEquals("config file c.json, field \"template\"[0]: unknown field \"destinaton\"; accepted fields are "
                + "backup, command, command_timeout, contents, create_dest_dirs, destination, error_on_missing_key, "
                + "left_delimiter, perms, right_delimiter, source, wait",
                error("{\"template\": [{\"source\": \"a\", \"destinaton\": \"b\"}]}"));
        assertEquals("config file c.json, field \"template\": missing destination",
                error("{\"template\": {\"source\": \"a\"}}"));
        assertEquals("config file c.json, field \"template\".perms: expected permissions as an octal string such as "
                + "\"0644\", got \"rw\"",
                error("{\"template\": {\"source\": \"a\", \"destination\": \"b\", \"perms\": \"rw\"}}"));
        assertEquals("config file c.json, field \"exec\".kill_signal: unknown signal \"SIGFOO\": use one of SIGHUP, "
                + "SIGINT, SIGQUIT, SIGKILL, SIGUSR1, SIGUSR2, SIGTERM, SIGALRM, SIGWINCH, SIGCONT, SIGSTOP, SIGTSTP",
                error("{\"exec\": {\"command\": \"x\", \"kill_signal\": \"SIGFOO\"}}"));
        assertTrue(error("{\"tempalte\": []}").startsWith("config file c.json: unknown field \"tempalte\"; accepted "
                + "fields are block_query_wait, consul, exec, template, wait"));
        assertTrue(error("{\"wait\": ").startsWith("config file c.json: invalid JSON: "));
    }

    @Test
    void hclIsRejectedWithAHint() throws Exception {
        Path hcl = Files.writeString(dir.resolve("config.hcl"), "template {}");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFileReader.read(hcl,
                new TemplateSettings(), warnings::add));
        assertTrue(e.getMessage().contains("HCL is not supported, write the configuration as JSON"), e.getMessage());
    }

    @Test
    void aDirectoryContributesItsJsonFilesInNameOrder() throws Exception {
        Files.writeString(dir.resolve("b.json"), "{\"template\": {\"source\": \"2\", \"destination\": \"x\"}}");
        Files.writeString(dir.resolve("a.json"), "{\"template\": {\"source\": \"1\", \"destination\": \"x\"}}");
        Files.writeString(dir.resolve("notes.txt"), "not config");
        TemplateSettings settings = new TemplateSettings();
        ConfigFileReader.read(dir, settings, warnings::add);
        assertEquals(List.of(Path.of("1"), Path.of("2")), settings.templates().stream().map(TemplateSpec::source)
                .toList());
    }

    @Test
    void relativePathsOfAgentStanzasResolveAgainstTheirDirectory() throws Exception {
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "[{\"source\": \"in.tpl\", \"destination\": \"/abs/out\"}]");
        TemplateSpec spec = ConfigFileReader.templates(node, "x", dir).get(0);
        assertEquals(dir.resolve("in.tpl"), spec.source());
        assertEquals(Path.of("/abs/out"), spec.destination());
    }
}
