package io.cairn.cli.agent;

import io.cairn.health.api.GoDuration;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns merged settings into an {@link AgentPlan}: applies Consul's defaults ({@code -dev} ones included) and
 * rejects anything the agent could not start with, before anything starts. Touches no files.
 */
final class AgentPlanner {
  private static final Pattern DATACENTER = Pattern.compile("[a-z0-9_-]+");
  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+");
  /**
   * Values travel unquoted in Karaf's JAVA_OPTS (split at whitespace, '*' and '?' may glob) and through ${...}
   * interpolation in etc/*.cfg. '[' stays allowed for [IPv6]:port join targets.
   */
  private static final Pattern UNSAFE = Pattern.compile("[\\s*?$\\p{Cntrl}]");
  private static final Map<String, String> LOG_LEVELS = Map.of("trace", "trace", "debug", "debug", "info", "info",
      "warn", "warn", "err", "error", "error", "error");
  private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]");
  /** Gossip is sealed with AES-256-GCM, so the key is 32 bytes (what {@code cairn keygen} prints). */
  private static final int ENCRYPTION_KEY_BYTES = 32;
  private static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(30);
  /** Consul's defaults: failed members are reaped after 72 hours, and never sooner than after 8. */
  private static final Duration DEFAULT_RECONNECT_TIMEOUT = Duration.ofHours(72);
  private static final Duration MIN_RECONNECT_TIMEOUT = Duration.ofHours(8);
  /** How long a write waits for a leader before it fails with "No cluster leader": Consul's default. */
  private static final Duration DEFAULT_RPC_HOLD_TIMEOUT = Duration.ofSeconds(7);
  /** Consul's acl.token_ttl: how long an agent caches a resolved token. */
  private static final Duration DEFAULT_ACL_TOKEN_TTL = Duration.ofSeconds(30);
  /** Consul's names of TLS versions, new and deprecated, and the JDK's names of the same protocols. */
  private static final Map<String, String> TLS_VERSIONS = Map.of("TLSv1_0", "TLSv1", "TLSv1_1", "TLSv1.1",
      "TLSv1_2", "TLSv1.2", "TLSv1_3", "TLSv1.3", "tls10", "TLSv1", "tls11", "TLSv1.1", "tls12", "TLSv1.2",
      "tls13", "TLSv1.3");
  private static final Pattern CIPHER_SUITES = Pattern.compile("[A-Za-z0-9_]+(,[A-Za-z0-9_]+)*");
  /** Consul's log_rotate_duration when none (or 0) is given. */
  private static final Duration DEFAULT_LOG_ROTATE_DURATION = Duration.ofHours(24);
  /** Logging takes the rotation period in milliseconds as an int: about 24.8 days at most. */
  private static final Duration MAX_LOG_ROTATE_DURATION = Duration.ofHours(596);
  /** Characters the logging configuration would read as a pattern ('%') or, in the file name, as a glob. */
  private static final Pattern LOG_PATH_SPECIAL = Pattern.compile("%");
  private static final Pattern LOG_NAME_SPECIAL = Pattern.compile("[\\\\\\[\\]{}]");

  private final HostInfo host;

  AgentPlanner(HostInfo host) {
    this.host = host;
  }

  /** @param sources the config files and dirs, which the agent reads again for service and check definitions */
  AgentPlan plan(boolean dev, Settings settings, List<ConfigSource> sources) throws ConfigException {
    boolean serverRequested = bool(settings, Setting.SERVER);
    boolean server = dev || serverRequested;
    Optional<Settings.Sourced> expect = settings.get(Setting.BOOTSTRAP_EXPECT);
    int bootstrapExpect = expect.map(s -> (Integer) s.value()).orElse(0);
    if (bootstrapExpect > 0 && !server) {
      throw new ConfigException(expect.get().origin() + ": bootstrap_expect " + bootstrapExpect
          + " requires server mode: add -server (or \"server\": true)");
    }
    if (dev && bootstrapExpect > 1) {
      throw new ConfigException(expect.get().origin() + ": -dev runs a single server, so bootstrap_expect must "
          + "be 1, got " + bootstrapExpect);
    }
    if (dev) {
      bootstrapExpect = 1;
    }

    Path dataDir = null;
    Optional<Settings.Sourced> dir = settings.get(Setting.DATA_DIR);
    if (dir.isPresent()) {
      String text = safe(dir.get(), (String) dir.get().value());
      if (text.isEmpty()) {
        throw new ConfigException(dir.get().origin() + ": data_dir cannot be empty");
      }
      dataDir = Path.of(text).toAbsolutePath().normalize();
      if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
        throw new ConfigException(dir.get().origin() + ": data_dir " + dataDir + " exists and is not a directory");
      }
    } else if (!dev) {
      throw new ConfigException("no data directory: set -data-dir (or \"data_dir\" in a config file); "
          + "only -dev agents run without one");
    }

    String datacenter = string(settings, Setting.DATACENTER, "dc1").toLowerCase(Locale.ROOT);
    if (!DATACENTER.matcher(datacenter).matches()) {
      throw new ConfigException(origin(settings, Setting.DATACENTER) + ": datacenter \"" + datacenter
          + "\" may contain only lowercase letters, digits, '-' and '_'");
    }
    String nodeName = string(settings, Setting.NODE_NAME, host.hostname());
    if (nodeName.isEmpty()) {
      throw new ConfigException(origin(settings, Setting.NODE_NAME) + ": node name cannot be empty");
    }

    String bind = address(settings, Setting.BIND_ADDR, dev ? "127.0.0.1" : "0.0.0.0");
    String advertiseDefault = dev ? "127.0.0.1"
        : WILDCARDS.contains(bind) ? host.firstNonLoopbackIpv4().orElse("127.0.0.1") : bind;
    String advertise = address(settings, Setting.ADVERTISE_ADDR, advertiseDefault);
    if (WILDCARDS.contains(advertise)) {
      throw new ConfigException(origin(settings, Setting.ADVERTISE_ADDR) + ": advertise address " + advertise
          + " is not an address other servers can reach; give a concrete IP");
    }
    String client = address(settings, Setting.CLIENT_ADDR, "127.0.0.1");

    String level = string(settings, Setting.LOG_LEVEL, "info").toLowerCase(Locale.ROOT);
    String logLevel = LOG_LEVELS.get(level);
    if (logLevel == null) {
      throw new ConfigException(origin(settings, Setting.LOG_LEVEL) + ": unknown log level \"" + level
          + "\"; use trace, debug, info, warn or err");
    }

    checkDistinctPorts(settings, server);
    List<String> retryJoinWan = joinTargets(settings, Setting.START_JOIN_WAN, Setting.RETRY_JOIN_WAN);
    if (!server && !retryJoinWan.isEmpty()) {
      Setting given = settings.get(Setting.RETRY_JOIN_WAN).isPresent() ? Setting.RETRY_JOIN_WAN
          : Setting.START_JOIN_WAN;
      throw new ConfigException(origin(settings, given) + ": " + given.key + " requires server mode: only servers "
          + "join the WAN pool; add -server (or \"server\": true) or use retry_join");
    }
    Duration retryInterval = duration(settings, Setting.RETRY_INTERVAL, DEFAULT_RETRY_INTERVAL);
    if (retryInterval.compareTo(Duration.ZERO) <= 0) {
      throw new ConfigException(origin(settings, Setting.RETRY_INTERVAL) + ": retry_interval must be positive, got "
          + GoDuration.format(retryInterval));
    }
    Duration reconnectTimeout = duration(settings, Setting.RECONNECT_TIMEOUT, DEFAULT_RECONNECT_TIMEOUT);
    if (reconnectTimeout.compareTo(MIN_RECONNECT_TIMEOUT) < 0) {
      throw new ConfigException(origin(settings, Setting.RECONNECT_TIMEOUT) + ": reconnect_timeout must be at "
          + "least 8h, as in Consul, got " + GoDuration.format(reconnectTimeout));
    }
    Duration rpcHoldTimeout = duration(settings, Setting.RPC_HOLD_TIMEOUT, DEFAULT_RPC_HOLD_TIMEOUT);
    if (rpcHoldTimeout.compareTo(Duration.ZERO) <= 0) {
      throw new ConfigException(origin(settings, Setting.RPC_HOLD_TIMEOUT) + ": performance.rpc_hold_timeout must "
          + "be positive, got " + GoDuration.format(rpcHoldTimeout));
    }
    return new AgentPlan(nodeName, datacenter, dataDir, bind, advertise, client,
        port(settings, Setting.HTTP_PORT, 8500), port(settings, Setting.DNS_PORT, 8600),
        port(settings, Setting.SERVER_PORT, 8300), port(settings, Setting.SERF_LAN_PORT, 8301),
        port(settings, Setting.SERF_WAN_PORT, 8302), server, bootstrapExpect,
        joinTargets(settings, Setting.START_JOIN, Setting.RETRY_JOIN), retryJoinWan, retryInterval,
        encryptionKey(settings),
        // Consul's defaults by role: a client leaves the cluster when it stops, a server stays a member unless
        // told to leave (a server that leaves shrinks the Raft quorum).
        settings.get(Setting.LEAVE_ON_TERMINATE).map(s -> (Boolean) s.value()).orElse(!server),
        settings.get(Setting.SKIP_LEAVE_ON_INTERRUPT).map(s -> (Boolean) s.value()).orElse(server),
        reconnectTimeout, rpcHoldTimeout, dev, logLevel,
        bool(settings, Setting.ENABLE_SCRIPT_CHECKS), bool(settings, Setting.ENABLE_LOCAL_SCRIPT_CHECKS),
        // Remote exec stays off unless a config says otherwise, Consul's safe default.
        settings.get(Setting.DISABLE_REMOTE_EXEC).map(s -> (Boolean) s.value()).orElse(true),
        configPaths(sources, true), configPaths(sources, false),
        // Consul's default; 0 lifts the limit
        settings.get(Setting.HTTP_MAX_CONNS_PER_CLIENT).map(s -> (Integer) s.value()).orElse(200),
        port(settings, Setting.HTTPS_PORT, Setting.OFF), httpsTls(settings), rpcTls(settings, server),
        acl(settings, datacenter), uiEnabled(dev, settings), log(settings));
  }

  /**
   * Consul's log settings: {@code log_file} is a file, or a directory (ending in '/') for {@code consul.log} in
   * it, in a directory that exists and is writable; a rotation period of 0 means 24h; at most -1 archives is
   * none. Syslog is refused: Log4j, Cairn's logging, writes syslog only over the network, not to the local
   * socket Consul uses.
   */
  private static LogConfig log(Settings settings) throws ConfigException {
    Optional<Settings.Sourced> syslog = settings.get(Setting.ENABLE_SYSLOG);
    if (isTrue(syslog)) {
      throw new ConfigException(syslog.get().origin() + ": enable_syslog is not supported: Cairn cannot log to "
          + "the local syslog socket; use -log-file, or let the service manager keep the agent's stdout "
          + "(systemd's journal does)");
    }
    Duration rotateDuration = duration(settings, Setting.LOG_ROTATE_DURATION, DEFAULT_LOG_ROTATE_DURATION);
    if (rotateDuration.isZero()) {
      rotateDuration = DEFAULT_LOG_ROTATE_DURATION;
    }
    if (rotateDuration.compareTo(Duration.ofMillis(1)) < 0
        || rotateDuration.compareTo(MAX_LOG_ROTATE_DURATION) > 0) {
      throw new ConfigException(origin(settings, Setting.LOG_ROTATE_DURATION) + ": log_rotate_duration must be "
          + "between 1ms and 596h, got " + GoDuration.format(rotateDuration));
    }
    int maxFiles = settings.get(Setting.LOG_ROTATE_MAX_FILES).map(s -> (Integer) s.value()).orElse(0);
    if (maxFiles < -1) {
      throw new ConfigException(origin(settings, Setting.LOG_ROTATE_MAX_FILES) + ": log_rotate_max_files must be "
          + "-1 (keep no archives), 0 (keep them all) or the number of archives to keep, got " + maxFiles);
    }
    boolean json = bool(settings, Setting.LOG_JSON);
    int rotateBytes = settings.get(Setting.LOG_ROTATE_BYTES).map(s -> (Integer) s.value()).orElse(0);
    Optional<Settings.Sourced> file = settings.get(Setting.LOG_FILE);
    if (file.isEmpty() || ((String) file.get().value()).isEmpty()) {
      return new LogConfig(json, null, null, rotateBytes, rotateDuration, maxFiles);
    }
    String origin = file.get().origin();
    String text = safe(file.get(), (String) file.get().value());
    if (LOG_PATH_SPECIAL.matcher(text).find()) {
      throw new ConfigException(origin + ": log_file \"" + text + "\" may not contain '%'");
    }
    Path given = Path.of(text);
    boolean isDirectory = text.endsWith("/") || given.getFileName() == null;
    String name = isDirectory ? LogConfig.DEFAULT_FILE_NAME : given.getFileName().toString();
    if (LOG_NAME_SPECIAL.matcher(name).find()) {
      throw new ConfigException(origin + ": log_file name \"" + name + "\" may not contain '[', ']', '{', '}' "
          + "or '\\'");
    }
    Path parent = isDirectory ? given : given.getParent();
    Path directory = (parent == null ? Path.of("") : parent).toAbsolutePath().normalize();
    if (!Files.isDirectory(directory)) {
      throw new ConfigException(origin + ": log_file directory " + directory + " does not exist");
    }
    if (!Files.isWritable(directory)) {
      throw new ConfigException(origin + ": log_file directory " + directory + " is not writable");
    }
    if (Files.isDirectory(directory.resolve(name))) {
      throw new ConfigException(origin + ": log_file " + directory.resolve(name) + " is a directory; end the path "
          + "with '/' to log to " + LogConfig.DEFAULT_FILE_NAME + " in it");
    }
    return new LogConfig(json, directory, name, rotateBytes, rotateDuration, maxFiles);
  }

  /**
   * Consul's rule for the web UI: {@code ui_config.enabled} ({@code -ui}), else the deprecated {@code ui}, else on
   * in {@code -dev} only.
   */
  private static boolean uiEnabled(boolean dev, Settings settings) {
    return settings.get(Setting.UI_CONFIG_ENABLED).or(() -> settings.get(Setting.UI))
        .map(s -> (Boolean) s.value()).orElse(dev);
  }

  /**
   * The ACL settings with Consul's defaults: off (also in {@code -dev}), default policy allow, down policy
   * extend-cache, tokens cached for 30s, {@code datacenter} its own primary, no token replication.
   */
  private static AclConfig acl(Settings settings, String datacenter) throws ConfigException {
    String defaultPolicy = oneOf(settings, List.of("allow", "deny"), "allow", Setting.ACL_DEFAULT_POLICY,
        Setting.ACL_DEFAULT_POLICY_LEGACY);
    String downPolicy = oneOf(settings, List.of("allow", "deny", "extend-cache", "async-cache"), "extend-cache",
        Setting.ACL_DOWN_POLICY, Setting.ACL_DOWN_POLICY_LEGACY);
    Optional<Settings.Sourced> ttl = first(settings, Setting.ACL_TOKEN_TTL, Setting.ACL_TTL_LEGACY);
    Duration tokenTtl = ttl.map(s -> (Duration) s.value()).orElse(DEFAULT_ACL_TOKEN_TTL);
    if (tokenTtl.isNegative()) {
      throw new ConfigException(ttl.get().origin() + ": acl.token_ttl may not be negative, got "
          + GoDuration.format(tokenTtl));
    }
    return new AclConfig(bool(settings, Setting.ACL_ENABLED), defaultPolicy, downPolicy, tokenTtl,
        bool(settings, Setting.ACL_ENABLE_TOKEN_PERSISTENCE),
        token(settings, Setting.ACL_INITIAL_MANAGEMENT_TOKEN, Setting.ACL_MASTER_TOKEN,
            Setting.ACL_MASTER_TOKEN_LEGACY),
        token(settings, Setting.ACL_DEFAULT_TOKEN, Setting.ACL_DEFAULT_TOKEN_LEGACY),
        token(settings, Setting.ACL_AGENT_TOKEN, Setting.ACL_AGENT_TOKEN_LEGACY),
        token(settings, Setting.ACL_AGENT_RECOVERY_TOKEN, Setting.ACL_AGENT_MASTER_TOKEN,
            Setting.ACL_AGENT_MASTER_TOKEN_LEGACY),
        primaryDatacenter(settings, datacenter),
        bool(settings, Setting.ACL_ENABLE_TOKEN_REPLICATION),
        token(settings, Setting.ACL_REPLICATION_TOKEN, Setting.ACL_REPLICATION_TOKEN_LEGACY));
  }

  /** primary_datacenter (or the deprecated acl_datacenter), lower-cased as the datacenter; else {@code datacenter}. */
  private static String primaryDatacenter(Settings settings, String datacenter) throws ConfigException {
    Optional<Settings.Sourced> given = first(settings, Setting.PRIMARY_DATACENTER, Setting.ACL_DATACENTER_LEGACY)
        .filter(s -> !((String) s.value()).isBlank());
    if (given.isEmpty()) {
      return datacenter;
    }
    String primary = ((String) given.get().value()).toLowerCase(Locale.ROOT);
    if (!DATACENTER.matcher(primary).matches()) {
      throw new ConfigException(given.get().origin() + ": primary_datacenter \"" + primary
          + "\" may contain only lowercase letters, digits, '-' and '_'");
    }
    return primary;
  }

  /** The first of {@code precedence} given, which must be one of {@code allowed}; else {@code fallback}. */
  private static String oneOf(Settings settings, List<String> allowed, String fallback, Setting... precedence)
      throws ConfigException {
    Optional<Settings.Sourced> given = first(settings, precedence);
    if (given.isEmpty()) {
      return fallback;
    }
    String value = (String) given.get().value();
    if (!allowed.contains(value)) {
      Setting setting = precedence[0];
      throw new ConfigException(given.get().origin() + ": invalid " + setting.key + " \"" + value + "\"; use "
          + String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or " + allowed.get(allowed.size() - 1));
    }
    return value;
  }

  /** A token (secret ID) of the first of {@code precedence} given, empty for none; errors never echo it. */
  private static String token(Settings settings, Setting... precedence) throws ConfigException {
    Optional<Settings.Sourced> given = first(settings, precedence);
    if (given.isEmpty()) {
      return "";
    }
    String token = (String) given.get().value();
    if (UNSAFE.matcher(token).find()) {
      throw new ConfigException(given.get().origin() + ": the token may not contain whitespace, '$', '*' or '?' "
          + "because it is passed to Karaf as a JVM system property");
    }
    return token;
  }

  /**
   * The HTTPS listener's TLS settings. With the listener on, a certificate and its key are required, and
   * verify_incoming requires a CA to verify client certificates with.
   */
  private static HttpsTls httpsTls(Settings settings) throws ConfigException {
    HttpsTls tls = new HttpsTls(
        path(settings, Setting.TLS_HTTPS_CA_FILE, Setting.TLS_DEFAULTS_CA_FILE, Setting.CA_FILE),
        path(settings, Setting.TLS_HTTPS_CA_PATH, Setting.TLS_DEFAULTS_CA_PATH, Setting.CA_PATH),
        path(settings, Setting.TLS_HTTPS_CERT_FILE, Setting.TLS_DEFAULTS_CERT_FILE, Setting.CERT_FILE),
        path(settings, Setting.TLS_HTTPS_KEY_FILE, Setting.TLS_DEFAULTS_KEY_FILE, Setting.KEY_FILE),
        first(settings, Setting.TLS_HTTPS_VERIFY_INCOMING, Setting.VERIFY_INCOMING_HTTPS,
            Setting.TLS_DEFAULTS_VERIFY_INCOMING, Setting.VERIFY_INCOMING).map(s -> (Boolean) s.value())
            .orElse(false),
        minVersion(settings, Setting.TLS_HTTPS_MIN_VERSION, Setting.TLS_DEFAULTS_MIN_VERSION,
            Setting.TLS_MIN_VERSION),
        cipherSuites(settings));
    if (port(settings, Setting.HTTPS_PORT, Setting.OFF) == Setting.OFF) {
      return tls;
    }
    String https = origin(settings, Setting.HTTPS_PORT) + ": ports.https " + port(settings, Setting.HTTPS_PORT, 0);
    if (tls.certFile() == null || tls.keyFile() == null) {
      throw new ConfigException(https + " needs a certificate and its key: set tls.defaults.cert_file and "
          + "tls.defaults.key_file (or tls.https.cert_file and tls.https.key_file)");
    }
    if (tls.verifyIncoming() && tls.caFile() == null && tls.caPath() == null) {
      throw new ConfigException(https + " verifies incoming certificates (verify_incoming) but no CA is given: "
          + "set tls.defaults.ca_file or tls.defaults.ca_path");
    }
    return tls;
  }

  /**
   * The Raft port's TLS (Consul's {@code tls.internal_rpc}), on when a verify setting asks for it. On a server
   * it then needs a certificate and its key, and a CA to verify the other servers' certificates with; client
   * agents open no Raft port, so theirs is not checked.
   */
  private static RpcTls rpcTls(Settings settings, boolean server) throws ConfigException {
    Optional<Settings.Sourced> incoming = first(settings, Setting.TLS_INTERNAL_RPC_VERIFY_INCOMING,
        Setting.VERIFY_INCOMING_RPC, Setting.TLS_DEFAULTS_VERIFY_INCOMING, Setting.VERIFY_INCOMING);
    Optional<Settings.Sourced> outgoing = first(settings, Setting.TLS_INTERNAL_RPC_VERIFY_OUTGOING,
        Setting.TLS_DEFAULTS_VERIFY_OUTGOING, Setting.VERIFY_OUTGOING);
    Optional<Settings.Sourced> hostname = first(settings, Setting.TLS_INTERNAL_RPC_VERIFY_SERVER_HOSTNAME,
        Setting.VERIFY_SERVER_HOSTNAME);
    boolean verifyServerHostname = isTrue(hostname);
    RpcTls tls = new RpcTls(
        path(settings, Setting.TLS_INTERNAL_RPC_CA_FILE, Setting.TLS_DEFAULTS_CA_FILE, Setting.CA_FILE),
        path(settings, Setting.TLS_INTERNAL_RPC_CA_PATH, Setting.TLS_DEFAULTS_CA_PATH, Setting.CA_PATH),
        path(settings, Setting.TLS_INTERNAL_RPC_CERT_FILE, Setting.TLS_DEFAULTS_CERT_FILE, Setting.CERT_FILE),
        path(settings, Setting.TLS_INTERNAL_RPC_KEY_FILE, Setting.TLS_DEFAULTS_KEY_FILE, Setting.KEY_FILE),
        isTrue(incoming), isTrue(outgoing) || verifyServerHostname, verifyServerHostname,
        minVersion(settings, Setting.TLS_INTERNAL_RPC_MIN_VERSION, Setting.TLS_DEFAULTS_MIN_VERSION,
            Setting.TLS_MIN_VERSION));
    if (!server || !tls.enabled()) {
      return tls;
    }
    // the first verify setting that is on names the file and field to fix
    String cause = Stream.of(incoming, outgoing, hostname).flatMap(Optional::stream)
        .filter(given -> (Boolean) given.value()).findFirst().orElseThrow().origin();
    if (tls.certFile() == null || tls.keyFile() == null) {
      throw new ConfigException(cause + ": TLS on the server RPC port needs a certificate and its key: set "
          + "tls.defaults.cert_file and tls.defaults.key_file (or tls.internal_rpc.cert_file and "
          + "tls.internal_rpc.key_file)");
    }
    if (tls.caFile() == null && tls.caPath() == null) {
      throw new ConfigException(cause + ": verify_incoming and verify_outgoing on the server RPC port need a CA "
          + "to verify the other servers' certificates with: set tls.defaults.ca_file or tls.defaults.ca_path "
          + "(or tls.internal_rpc.ca_file or tls.internal_rpc.ca_path)");
    }
    return tls;
  }

  private static boolean isTrue(Optional<Settings.Sourced> given) {
    return given.map(s -> (Boolean) s.value()).orElse(false);
  }

  /** The first of {@code precedence} given as the JDK's protocol name, TLSv1.2 if none is. */
  private static String minVersion(Settings settings, Setting... precedence) throws ConfigException {
    Optional<Settings.Sourced> given = first(settings, precedence);
    if (given.isEmpty()) {
      return "TLSv1.2";
    }
    String version = TLS_VERSIONS.get((String) given.get().value());
    if (version == null) {
      throw new ConfigException(given.get().origin() + ": unknown TLS version \"" + given.get().value()
          + "\"; use TLSv1_0, TLSv1_1, TLSv1_2 or TLSv1_3");
    }
    return version;
  }

  private static String cipherSuites(Settings settings) throws ConfigException {
    Optional<Settings.Sourced> given = first(settings, Setting.TLS_HTTPS_CIPHER_SUITES,
        Setting.TLS_DEFAULTS_CIPHER_SUITES, Setting.TLS_CIPHER_SUITES);
    if (given.isEmpty()) {
      return "";
    }
    String suites = ((String) given.get().value()).replace(" ", "");
    if (!CIPHER_SUITES.matcher(suites).matches()) {
      throw new ConfigException(given.get().origin() + ": tls_cipher_suites \"" + given.get().value()
          + "\" is not a comma-separated list of cipher suite names such as "
          + "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
    }
    return suites;
  }

  /** The first of {@code settings} given, in order of precedence. */
  private static Optional<Settings.Sourced> first(Settings settings, Setting... precedence) {
    for (Setting setting : precedence) {
      Optional<Settings.Sourced> given = settings.get(setting);
      if (given.isPresent()) {
        return given;
      }
    }
    return Optional.empty();
  }

  /** An absolute file path (relative ones are the working directory's, as in Consul), or null if not set. */
  private static Path path(Settings settings, Setting... precedence) throws ConfigException {
    Optional<Settings.Sourced> given = first(settings, precedence);
    if (given.isEmpty() || ((String) given.get().value()).isEmpty()) {
      return null;
    }
    return Path.of(safe(given.get(), (String) given.get().value())).toAbsolutePath().normalize();
  }

  /** Absolute, without duplicates, in command-line order; they travel as one comma-separated property. */
  private static List<Path> configPaths(List<ConfigSource> sources, boolean directories) throws ConfigException {
    List<Path> paths = new ArrayList<>();
    for (ConfigSource source : sources) {
      if (source.directory() != directories) {
        continue;
      }
      Path path = source.path().toAbsolutePath().normalize();
      String flag = directories ? "-config-dir" : "-config-file";
      if (UNSAFE.matcher(path.toString()).find() || path.toString().contains(",")) {
        throw new ConfigException(flag + " " + path + ": the path may not contain whitespace, ',', '$', '*' or "
            + "'?' because it is passed to Karaf as a JVM system property");
      }
      if (!paths.contains(path)) {
        paths.add(path);
      }
    }
    return paths;
  }

  /**
   * No two listeners may share a port number (DNS and HTTP both use TCP). A client agent opens no Raft or WAN
   * port, so those two do not count for it, nor does a listener turned off.
   */
  private static void checkDistinctPorts(Settings settings, boolean server) throws ConfigException {
    Map<Integer, Setting> used = new LinkedHashMap<>();
    int[] defaults = {8500, Setting.OFF, 8600, 8301, 8300, 8302};
    Setting[] ports = {Setting.HTTP_PORT, Setting.HTTPS_PORT, Setting.DNS_PORT, Setting.SERF_LAN_PORT,
        Setting.SERVER_PORT, Setting.SERF_WAN_PORT};
    for (int i = 0; i < (server ? ports.length : 4); i++) {
      int port = port(settings, ports[i], defaults[i]);
      if (port == Setting.OFF) {
        continue;
      }
      Setting clash = used.putIfAbsent(port, ports[i]);
      if (clash != null) {
        throw new ConfigException("port " + port + " is used twice: " + clash.key + " (" + origin(settings, clash)
            + ") and " + ports[i].key + " (" + origin(settings, ports[i]) + ")");
      }
    }
  }

  /**
   * The join targets of {@code oneShot} (Consul's deprecated start_join) then {@code retrying}, without
   * duplicates: Cairn keeps retrying both until the agent has joined.
   */
  private static List<String> joinTargets(Settings settings, Setting oneShot, Setting retrying)
      throws ConfigException {
    List<String> targets = new ArrayList<>();
    for (Setting setting : List.of(oneShot, retrying)) {
      Optional<Settings.Sourced> join = settings.get(setting);
      if (join.isEmpty()) {
        continue;
      }
      for (Object item : (List<?>) join.get().value()) {
        String target = safe(join.get(), (String) item);
        if (!validJoinTarget(target)) {
          throw new ConfigException(join.get().origin() + ": " + setting.key + " target \"" + target
              + "\" is not host, host:port, IPv6 or [IPv6]:port");
        }
        if (!targets.contains(target)) {
          targets.add(target);
        }
      }
    }
    return targets;
  }

  /**
   * The gossip encryption key as given (base64), or "" for none. Its value never appears in an error: it is a
   * secret.
   */
  private static String encryptionKey(Settings settings) throws ConfigException {
    Optional<Settings.Sourced> given = settings.get(Setting.ENCRYPT);
    String key = given.map(s -> (String) s.value()).orElse("");
    if (key.isEmpty()) {
      return "";
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(key);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(given.get().origin() + ": encrypt is not valid base64 (" + e.getMessage()
          + "); generate a key with \"cairn keygen\"");
    }
    if (bytes.length != ENCRYPTION_KEY_BYTES) {
      throw new ConfigException(given.get().origin() + ": encrypt must be the base64 of exactly "
          + ENCRYPTION_KEY_BYTES + " bytes (an AES-256 key), got " + bytes.length + " bytes; generate a key with "
          + "\"cairn keygen\"");
    }
    return key;
  }

  private static boolean validJoinTarget(String target) {
    String hostPart = target;
    String port = null;
    if (target.startsWith("[")) {
      int end = target.indexOf(']');
      if (end < 0 || !IPV6.matcher(target.substring(1, end)).matches()) {
        return false;
      }
      String rest = target.substring(end + 1);
      if (rest.isEmpty()) {
        return true;
      }
      if (!rest.startsWith(":")) {
        return false;
      }
      return validPort(rest.substring(1));
    }
    long colons = target.chars().filter(c -> c == ':').count();
    if (colons > 1) {
      return IPV6.matcher(target).matches();
    }
    if (colons == 1) {
      hostPart = target.substring(0, target.indexOf(':'));
      port = target.substring(target.indexOf(':') + 1);
    }
    return HOST.matcher(hostPart).matches() && (port == null || validPort(port));
  }

  private static boolean validPort(String text) {
    return text.matches("\\d{1,5}") && Integer.parseInt(text) >= 1 && Integer.parseInt(text) <= 65535;
  }

  private static String address(Settings settings, Setting setting, String fallback) throws ConfigException {
    Optional<Settings.Sourced> given = settings.get(setting);
    if (given.isEmpty()) {
      return fallback;
    }
    String text = safe(given.get(), (String) given.get().value());
    if (!isIpLiteral(text)) {
      throw new ConfigException(given.get().origin() + ": " + setting.key + " \"" + text
          + "\" is not an IP address (Consul templates and host names are not supported here)");
    }
    return text;
  }

  private static boolean isIpLiteral(String text) {
    if (IPV4.matcher(text).matches()) {
      return true;
    }
    if (!IPV6.matcher(text).matches()) {
      return false;
    }
    try {
      InetAddress.getByName(text); // a literal: parsed, never looked up
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String string(Settings settings, Setting setting, String fallback) throws ConfigException {
    Optional<Settings.Sourced> given = settings.get(setting);
    return given.isPresent() ? safe(given.get(), (String) given.get().value()) : fallback;
  }

  private static boolean bool(Settings settings, Setting setting) {
    return settings.get(setting).map(s -> (Boolean) s.value()).orElse(false);
  }

  private static Duration duration(Settings settings, Setting setting, Duration fallback) {
    return settings.get(setting).map(s -> (Duration) s.value()).orElse(fallback);
  }

  private static int port(Settings settings, Setting setting, int fallback) {
    return settings.get(setting).map(s -> (Integer) s.value()).orElse(fallback);
  }

  private static String origin(Settings settings, Setting setting) {
    return settings.get(setting).map(Settings.Sourced::origin).orElse("default");
  }

  private static String safe(Settings.Sourced source, String value) throws ConfigException {
    if (UNSAFE.matcher(value).find()) {
      throw new ConfigException(source.origin() + ": \"" + value + "\" may not contain whitespace, '$', '*' or '?' "
          + "because it is passed to Karaf as a JVM system property");
    }
    return value;
  }
}
