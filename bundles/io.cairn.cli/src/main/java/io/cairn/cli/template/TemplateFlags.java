package io.cairn.cli.template;

import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.AgentAddress;
import io.cairn.cli.http.TlsConnections;
import io.cairn.cli.http.TokenSource;
import io.cairn.go.lang.GoDuration;
import io.cairn.template.internal.config.ConfigException;
import io.cairn.template.internal.config.ConfigFileReader;
import io.cairn.template.internal.config.SslSettings;
import io.cairn.template.internal.config.TemplateSettings;
import io.cairn.template.internal.exec.ExecSpec;
import io.cairn.template.internal.exec.Signals;
import io.cairn.template.internal.runner.TemplateSpec;
import io.cairn.template.internal.runner.WaitSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * consul-template's command line: the flags {@code cairn template} accepts and how they combine with config
 * files (files first, in the order given, then flags; templates from both add up).
 */
final class TemplateFlags {
  private final ParsedFlags flags;
  private final Map<String, String> env;

  TemplateFlags(ParsedFlags flags, Map<String, String> env) {
    this.flags = flags;
    this.env = env;
  }

  static FlagSet declare() {
    return new FlagSet()
        .value("template", "<src:dest[:command]>", "Template to render: source file, destination file and an "
            + "optional command to run after the destination changed (through /bin/sh -c; it may contain colons). "
            + "May be given more than once.")
        .value("config", "<path>", "JSON config file, or directory of *.json files, with consul-template's "
            + "settings (consul, template, wait, exec, ...). May be given more than once; flags win over files. "
            + "HCL is not supported: no maintained Java HCL parser on Maven Central fits, so write the same keys "
            + "as JSON.")
        .value("consul-addr", "<address>", "Address of the Cairn agent's HTTP API, e.g. 127.0.0.1:8500. Defaults "
            + "to consul.address of the config, then CAIRN_HTTP_ADDR, then CONSUL_HTTP_ADDR, then 127.0.0.1:8500.")
        .value("consul-token", "<value>", "ACL token. Defaults to consul.token of the config, then "
            + "CAIRN_HTTP_TOKEN, CONSUL_HTTP_TOKEN, the file named by CAIRN_HTTP_TOKEN_FILE or "
            + "CONSUL_HTTP_TOKEN_FILE, then CONSUL_TOKEN.")
        .bool("consul-ssl", "Use TLS (https) for an address without scheme (default false; true when a -consul-ssl "
            + "file or server name is given). Defaults to consul.ssl.enabled of the config, then CAIRN_HTTP_SSL, "
            + "then CONSUL_HTTP_SSL.")
        .bool("consul-ssl-verify", "Verify the agent's certificate (default true); -consul-ssl-verify=false "
            + "accepts any certificate. Defaults to consul.ssl.verify, then CONSUL_HTTP_SSL_VERIFY.")
        .value("consul-ssl-cert", "<path>", "Client certificate (PEM) for an agent with verify_incoming. Defaults to "
            + "consul.ssl.cert, then CAIRN_CLIENT_CERT, then CONSUL_CLIENT_CERT.")
        .value("consul-ssl-key", "<path>", "The client certificate's private key (PEM). Defaults to consul.ssl.key, "
            + "then CAIRN_CLIENT_KEY, then CONSUL_CLIENT_KEY.")
        .value("consul-ssl-ca-cert", "<path>", "CA certificates (PEM) to verify the agent with; the JDK's CAs "
            + "otherwise. Defaults to consul.ssl.ca_cert, then CAIRN_CACERT, then CONSUL_CACERT.")
        .value("consul-ssl-ca-path", "<path>", "Directory of CA certificates (PEM) to verify the agent with. "
            + "Defaults to consul.ssl.ca_path, then CAIRN_CAPATH, then CONSUL_CAPATH.")
        .value("consul-ssl-server-name", "<name>", "Name the agent's certificate must carry; the address's host "
            + "otherwise. Defaults to consul.ssl.server_name, then CAIRN_TLS_SERVER_NAME, then "
            + "CONSUL_TLS_SERVER_NAME.")
        .bool("consul-retry", "Retry queries that fail (default true); -consul-retry=false gives up at once.")
        .value("consul-retry-attempts", "<int>", "Consecutive failed queries before giving up, 0 for never "
            + "(default 12).")
        .value("consul-retry-backoff", "<duration>", "Wait after the first failure, doubled per further one "
            + "(default 250ms).")
        .value("consul-retry-max-backoff", "<duration>", "Longest wait between retries (default 1m).")
        .value("wait", "<min[:max]>", "Render only after the data has been quiet for min, but at most max after "
            + "the first change (default max: 4 x min), e.g. 5s:10s.")
        .bool("once", "Render every template once, run the commands, and exit.")
        .bool("dry", "Print the rendered templates to stdout, each after a \"> destination\" line, instead of "
            + "writing files or running commands.")
        .value("exec", "<command>", "Run this command once the templates have rendered, send it the reload "
            + "signal when they change, and exit with its exit code. Signals we receive are passed on to it.")
        .value("exec-reload-signal", "<signal>", "Signal telling the child that the files changed (default "
            + "SIGHUP); empty to restart it instead.")
        .value("exec-kill-signal", "<signal>", "Signal asking the child to stop when we stop (default SIGINT).")
        .value("exec-kill-timeout", "<duration>", "How long the child may take to stop before it is killed "
            + "(default 30s).")
        .value("log-level", "<level>", "warn (default) or info: info also reports reloads and the child's exit.");
  }

  boolean once() {
    return flags.bool("once");
  }

  boolean dry() {
    return flags.bool("dry");
  }

  boolean verbose() throws UsageException {
    String level = flags.string("log-level", "warn").toLowerCase(java.util.Locale.ROOT);
    return switch (level) {
      case "info", "debug", "trace" -> true;
      case "warn", "err", "error" -> false;
      default -> throw new UsageException("invalid value \"" + level + "\" for -log-level: use warn or info");
    };
  }

  /** The settings of the config files overlaid with the flags; read again on SIGHUP. */
  TemplateSettings settings(Consumer<String> warnings) throws UsageException, ConfigException {
    TemplateSettings settings = new TemplateSettings();
    for (String config : flags.all("config")) {
      ConfigFileReader.read(Path.of(config), settings, warnings);
    }
    settings.ssl(new SslSettings(boolFlag("consul-ssl"), boolFlag("consul-ssl-verify"), pathFlag("consul-ssl-cert"),
        pathFlag("consul-ssl-key"), pathFlag("consul-ssl-ca-cert"), pathFlag("consul-ssl-ca-path"),
        flags.last("consul-ssl-server-name").orElse(null)));
    if (flags.isSet("consul-retry")) {
      settings.retryEnabled(flags.bool("consul-retry"));
    }
    if (flags.isSet("consul-retry-attempts")) {
      settings.retryAttempts((int) flags.unsigned("consul-retry-attempts", 0));
    }
    if (flags.isSet("consul-retry-backoff")) {
      settings.retryBackoff(duration("consul-retry-backoff"));
    }
    if (flags.isSet("consul-retry-max-backoff")) {
      settings.retryMaxBackoff(duration("consul-retry-max-backoff"));
    }
    if (flags.isSet("wait")) {
      settings.wait(parse("wait", () -> WaitSpec.parse(flags.last("wait").orElseThrow())));
    }
    for (String template : flags.all("template")) {
      try {
        settings.addTemplate(TemplateSpec.parseFlag(template));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    if (flags.isSet("exec")) {
      settings.execCommand(ExecSpec.shell(flags.last("exec").orElseThrow()));
    }
    if (flags.isSet("exec-reload-signal")) {
      String signal = flags.last("exec-reload-signal").orElseThrow();
      settings.execReloadSignal(signal.isEmpty() ? "" : parse("exec-reload-signal", () -> Signals.normalize(signal)));
    }
    if (flags.isSet("exec-kill-signal")) {
      settings.execKillSignal(parse("exec-kill-signal", () -> Signals.normalize(flags.last("exec-kill-signal")
          .orElseThrow())));
    }
    if (flags.isSet("exec-kill-timeout")) {
      settings.execKillTimeout(duration("exec-kill-timeout"));
    }
    if (settings.templates().isEmpty()) {
      throw new UsageException("no templates: give -template source:destination[:command] or a -config file "
          + "with template stanzas");
    }
    if (dry() && settings.execSpec() != null) {
      throw new UsageException("-dry and -exec cannot be combined: a dry run writes no files for a child to read");
    }
    return settings;
  }

  /**
   * Where the agent is: -consul-addr, then the config's consul.address, then the environment, then the default;
   * https when it has no scheme and TLS is on ({@link #tlsEnv}).
   */
  URI address(TemplateSettings settings) throws UsageException {
    String address = flags.string("consul-addr", settings.consulAddress());
    return AgentAddress.resolve(address, tlsEnv(settings.ssl()));
  }

  /**
   * The TLS of an {@code https://} address: the -consul-ssl-* flags, then the config's consul.ssl, then the
   * environment as consul-template reads it ({@code CONSUL_CACERT}, {@code CONSUL_CLIENT_CERT}, ... and their
   * {@code CAIRN_} twins); empty for plain HTTP. Warns when the agent's certificate goes unverified.
   */
  Optional<SSLContext> tls(URI address, TemplateSettings settings, Consumer<String> warnings) throws UsageException {
    if (!"https".equals(address.getScheme())) {
      return Optional.empty();
    }
    if (!settings.ssl().isVerified()) {
      warnings.accept("TLS verification is off (consul.ssl.verify or -consul-ssl-verify false): any certificate "
          + "is accepted for " + address);
    }
    return Optional.of(TlsConnections.resolve(null, tlsEnv(settings.ssl())).sslContext());
  }

  /**
   * The environment with the TLS settings of flags and config files as the {@code CAIRN_} variables, which
   * {@link TlsConnections} and {@link AgentAddress} prefer over the {@code CONSUL_} ones: so flags and files win
   * over the environment, and a setting neither gives falls back to it.
   */
  private Map<String, String> tlsEnv(SslSettings ssl) {
    Map<String, String> merged = new HashMap<>(env);
    if (ssl.enabled() != null || ssl.isEnabled()) {
      merged.put("CAIRN_HTTP_SSL", String.valueOf(ssl.isEnabled()));
    }
    if (ssl.verify() != null) {
      merged.put("CAIRN_HTTP_SSL_VERIFY", String.valueOf(ssl.isVerified()));
    }
    putIfGiven(merged, "CAIRN_CLIENT_CERT", ssl.cert());
    putIfGiven(merged, "CAIRN_CLIENT_KEY", ssl.key());
    putIfGiven(merged, "CAIRN_CACERT", ssl.caCert());
    putIfGiven(merged, "CAIRN_CAPATH", ssl.caPath());
    putIfGiven(merged, "CAIRN_TLS_SERVER_NAME", ssl.serverName());
    return merged;
  }

  private static void putIfGiven(Map<String, String> env, String variable, Object value) {
    if (value != null) {
      env.put(variable, value.toString());
    }
  }

  /**
   * -consul-token, then the config's consul.token, then the sources of {@link TokenSource} (token variables, then
   * token file variables), then consul-template's CONSUL_TOKEN.
   */
  String token(TemplateSettings settings) throws UsageException {
    String given = flags.string("consul-token", settings.consulToken());
    String token;
    try {
      token = TokenSource.resolve(given == null || given.isEmpty() ? Optional.empty() : Optional.of(given),
          Optional.empty(), env);
    } catch (TokenSource.TokenFileException e) {
      throw new UsageException(e.getMessage());
    }
    return token.isEmpty() ? env.getOrDefault("CONSUL_TOKEN", "") : token;
  }

  private interface Parse<T> {
    T get();
  }

  private static <T> T parse(String flag, Parse<T> parse) throws UsageException {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException("invalid value for -" + flag + ": " + e.getMessage());
    }
  }

  /** A boolean flag's value, {@code null} when not given. */
  private Boolean boolFlag(String flag) {
    return flags.isSet(flag) ? flags.bool(flag) : null;
  }

  /** A path flag's value, {@code null} when not given. */
  private Path pathFlag(String flag) {
    return flags.last(flag).map(Path::of).orElse(null);
  }

  private Duration duration(String flag) throws UsageException {
    return parse(flag, () -> GoDuration.parse(flags.last(flag).orElseThrow()));
  }
}
