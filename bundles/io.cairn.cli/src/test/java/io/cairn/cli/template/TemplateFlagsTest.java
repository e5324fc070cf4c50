package io.cairn.cli.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.flags.UsageException;
import io.cairn.template.internal.config.SslSettings;
import io.cairn.template.internal.config.TemplateSettings;
import io.cairn.template.internal.exec.ExecSpec;
import io.cairn.template.internal.runner.RunnerConfig;
import io.cairn.template.internal.runner.TemplateSpec;
import io.cairn.template.internal.runner.WaitSpec;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateFlagsTest {
  @TempDir
  Path dir;
  private final List<String> warnings = new ArrayList<>();

  private TemplateFlags flags(Map<String, String> env, String... args) throws Exception {
    return new TemplateFlags(TemplateFlags.declare().parse(List.of(args)), env);
  }

  private TemplateSettings settings(String... args) throws Exception {
    return flags(Map.of(), args).settings(warnings::add);
  }

  @Test
  void templatesFromFilesAndFlagsAddUpAndFlagsWinForSettings() throws Exception {
    Path config = Files.writeString(dir.resolve("ct.json"), """
        {"wait": "1s:2s", "consul": {"address": "10.0.0.9:8500"},
         "template": {"source": "from-file.tpl", "destination": "a"}}""");
    TemplateFlags flags = flags(Map.of("CONSUL_HTTP_ADDR", "10.0.0.1:8500"), "-config", config.toString(),
        "-template", "nginx.tpl:nginx.cfg:nginx -s reload", "-wait=5s:10s", "-once");
    TemplateSettings settings = flags.settings(warnings::add);
    RunnerConfig runner = settings.runnerConfig(flags.once());
    assertEquals(List.of(Path.of("from-file.tpl"), Path.of("nginx.tpl")),
        runner.templates().stream().map(TemplateSpec::source).toList());
    assertEquals(new WaitSpec(Duration.ofSeconds(5), Duration.ofSeconds(10)), runner.quiescence());
    assertTrue(runner.once());
    assertTrue(runner.exitOnError());
    assertEquals(URI.create("http://10.0.0.9:8500"), flags.address(settings), "the config file beats the env");
  }

  @Test
  void addressAndTokenPrecedence() throws Exception {
    TemplateFlags flags = flags(Map.of("CAIRN_HTTP_ADDR", "10.0.0.2:8500", "CONSUL_HTTP_ADDR", "10.0.0.1:8500",
        "CONSUL_TOKEN", "env-token"), "-template", "a:b");
    TemplateSettings settings = flags.settings(warnings::add);
    assertEquals(URI.create("http://10.0.0.2:8500"), flags.address(settings));
    assertEquals("env-token", flags.token(settings));
    TemplateFlags explicit = flags(Map.of("CAIRN_HTTP_ADDR", "10.0.0.2:8500"), "-template", "a:b",
        "-consul-addr", "http://127.0.0.1:18500", "-consul-token", "flag-token");
    assertEquals(URI.create("http://127.0.0.1:18500"), explicit.address(settings));
    assertEquals("flag-token", explicit.token(settings));
    assertEquals(URI.create("http://127.0.0.1:8500"), flags(Map.of(), "-template", "a:b").address(settings));
  }

  @Test
  void execFlags() throws Exception {
    TemplateSettings settings = settings("-template", "a:b", "-exec", "nginx -c nginx.cfg",
        "-exec-reload-signal", "SIGUSR1", "-exec-kill-signal=SIGTERM", "-exec-kill-timeout=5s");
    assertEquals(new ExecSpec(List.of("/bin/sh", "-c", "exec nginx -c nginx.cfg"), "USR1", "TERM",
        Duration.ofSeconds(5)), settings.execSpec());
    assertNull(settings("-template", "a:b").execSpec());
    assertEquals("", settings("-template", "a:b", "-exec", "x", "-exec-reload-signal=").execSpec().reloadSignal());
  }

  @Test
  void retryFlags() throws Exception {
    RunnerConfig config = settings("-template", "a:b", "-consul-retry-attempts=0", "-consul-retry-backoff=1s",
        "-consul-retry-max-backoff=10s").runnerConfig(false);
    assertEquals(0, config.retry().attempts());
    assertEquals(Duration.ofSeconds(1), config.retry().backoff());
    assertEquals(Duration.ofSeconds(10), config.retry().maxBackoff());
    assertTrue(settings("-template", "a:b", "-consul-retry=false").runnerConfig(false).retry().exhausted(1));
  }

  @Test
  void sslFlagsWinOverTheConfigsSslBlockWhichWinsOverTheEnvironment() throws Exception {
    Path config = Files.writeString(dir.resolve("ct.json"), """
        {"consul": {"address": "10.0.0.9:8501",
                    "ssl": {"verify": false, "ca_cert": "file-ca.pem", "cert": "file.pem", "key": "file-key.pem",
                            "server_name": "file.consul"}},
         "template": {"source": "a", "destination": "b"}}""");
    Map<String, String> env = Map.of("CONSUL_HTTP_SSL", "false");
    TemplateFlags fromFile = flags(env, "-config", config.toString());
    TemplateSettings settings = fromFile.settings(warnings::add);
    assertEquals(new SslSettings(null, false, Path.of("file.pem"), Path.of("file-key.pem"), Path.of("file-ca.pem"),
        null, "file.consul"), settings.ssl());
    assertEquals(URI.create("https://10.0.0.9:8501"), fromFile.address(settings),
        "files given: TLS on as in consul-template, over CONSUL_HTTP_SSL");

    TemplateFlags overridden = flags(env, "-config", config.toString(), "-consul-ssl-verify", "-consul-ssl-cert",
        "flag.pem", "-consul-ssl-key", "flag-key.pem", "-consul-ssl-ca-path", "/etc/cas",
        "-consul-ssl-server-name", "flag.consul");
    assertEquals(new SslSettings(null, true, Path.of("flag.pem"), Path.of("flag-key.pem"), Path.of("file-ca.pem"),
        Path.of("/etc/cas"), "flag.consul"), overridden.settings(warnings::add).ssl());
    TemplateFlags plain = flags(env, "-config", config.toString(), "-consul-ssl=false");
    assertEquals(URI.create("http://10.0.0.9:8501"), plain.address(plain.settings(warnings::add)));

    TemplateFlags fromEnv = flags(Map.of("CONSUL_HTTP_SSL", "true"), "-template", "a:b", "-consul-addr", "h:1");
    TemplateSettings none = fromEnv.settings(warnings::add);
    assertEquals(SslSettings.NONE, none.ssl());
    assertEquals(URI.create("https://h:1"), fromEnv.address(none), "neither flag nor file: the environment");
    TemplateFlags sslFlag = flags(Map.of(), "-template", "a:b", "-consul-addr", "h:1", "-consul-ssl");
    assertEquals(URI.create("https://h:1"), sslFlag.address(sslFlag.settings(warnings::add)));
    assertEquals(List.of(), warnings);
  }

  @Test
  void mistakesSayWhatIsAccepted() {
    assertEquals("no templates: give -template source:destination[:command] or a -config file with template "
        + "stanzas", assertThrows(UsageException.class, () -> settings("-once")).getMessage());
    assertEquals("invalid -template \"nginx.tpl\": expected source:destination or source:destination:command",
        assertThrows(UsageException.class, () -> settings("-template", "nginx.tpl")).getMessage());
    assertEquals("invalid value for -wait: time: invalid duration \"soon\"",
        assertThrows(UsageException.class, () -> settings("-template", "a:b", "-wait", "soon")).getMessage());
    assertTrue(assertThrows(UsageException.class, () -> settings("-template", "a:b", "-exec", "x",
        "-exec-kill-signal", "SIGNOPE")).getMessage().startsWith("invalid value for -exec-kill-signal: unknown "
        + "signal \"SIGNOPE\""));
    assertEquals("-dry and -exec cannot be combined: a dry run writes no files for a child to read",
        assertThrows(UsageException.class, () -> settings("-template", "a:b", "-dry", "-exec", "x")).getMessage());
  }
}
