package io.cairn.cli.agent;

import io.cairn.health.api.GoDuration;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One agent setting that can come from a command-line flag or a JSON config file, with its Consul names: the
 * flag ({@code -http-port}) and the config key ({@code ports.http}). A key with dots is a field of one of the
 * config file's nested objects ({@code ports}, {@code limits}, {@code tls.defaults}); a setting Consul has no flag
 * for has a {@code null} flag.
 */
enum Setting {
  NODE_NAME("node_name", "node", Type.STRING),
  DATACENTER("datacenter", "datacenter", Type.STRING),
  DATA_DIR("data_dir", "data-dir", Type.STRING),
  SERVER("server", "server", Type.BOOL),
  BOOTSTRAP_EXPECT("bootstrap_expect", "bootstrap-expect", Type.COUNT),
  RETRY_JOIN("retry_join", "retry-join", Type.LIST),
  /** Consul's deprecated one-shot join; Cairn keeps retrying these too, as if they were in retry_join. */
  START_JOIN("start_join", "join", Type.LIST),
  RETRY_JOIN_WAN("retry_join_wan", "retry-join-wan", Type.LIST),
  /** Consul's deprecated one-shot WAN join; treated as retry_join_wan. */
  START_JOIN_WAN("start_join_wan", "join-wan", Type.LIST),
  RETRY_INTERVAL("retry_interval", "retry-interval", Type.DURATION),
  ENCRYPT("encrypt", "encrypt", Type.STRING),
  LEAVE_ON_TERMINATE("leave_on_terminate", null, Type.BOOL),
  SKIP_LEAVE_ON_INTERRUPT("skip_leave_on_interrupt", null, Type.BOOL),
  RECONNECT_TIMEOUT("reconnect_timeout", null, Type.DURATION),
  RPC_HOLD_TIMEOUT("performance.rpc_hold_timeout", null, Type.DURATION),
  BIND_ADDR("bind_addr", "bind", Type.STRING),
  ADVERTISE_ADDR("advertise_addr", "advertise", Type.STRING),
  CLIENT_ADDR("client_addr", "client", Type.STRING),
  LOG_LEVEL("log_level", "log-level", Type.STRING),
  LOG_JSON("log_json", "log-json", Type.BOOL),
  /** Also write the log to this file, or into {@code consul.log} in this directory if it ends in '/'. */
  LOG_FILE("log_file", "log-file", Type.STRING),
  /** 0 (the default): no rotation by size. */
  LOG_ROTATE_BYTES("log_rotate_bytes", "log-rotate-bytes", Type.COUNT),
  /** 0 means Consul's default, 24h. */
  LOG_ROTATE_DURATION("log_rotate_duration", "log-rotate-duration", Type.DURATION),
  /** 0 (the default) keeps every archive, -1 none, N the newest N. */
  LOG_ROTATE_MAX_FILES("log_rotate_max_files", "log-rotate-max-files", Type.INTEGER),
  /** Refused when true: Cairn's logging cannot reach the local syslog socket. */
  ENABLE_SYSLOG("enable_syslog", "syslog", Type.BOOL),
  ENABLE_SCRIPT_CHECKS("enable_script_checks", "enable-script-checks", Type.BOOL),
  ENABLE_LOCAL_SCRIPT_CHECKS("enable_local_script_checks", "enable-local-script-checks", Type.BOOL),
  DISABLE_REMOTE_EXEC("disable_remote_exec", "disable-remote-exec", Type.BOOL),
  /** Whether the agent serves the web UI at /ui/ (the io.cairn.ui configuration); -dev turns it on by default. */
  UI_CONFIG_ENABLED("ui_config.enabled", "ui", Type.BOOL),
  /** Consul's deprecated spelling of ui_config.enabled. */
  UI("ui", null, Type.BOOL),
  /** -1 turns the plain HTTP listener off (Consul's way to serve the API over HTTPS only). */
  HTTP_PORT("ports.http", "http-port", Type.LISTENER_PORT),
  /** Off (-1) unless set; the HTTPS listener serves the same API with the {@code tls} settings. */
  HTTPS_PORT("ports.https", "https-port", Type.LISTENER_PORT),
  DNS_PORT("ports.dns", "dns-port", Type.PORT),
  SERVER_PORT("ports.server", "server-port", Type.PORT),
  SERF_LAN_PORT("ports.serf_lan", "serf-lan-port", Type.PORT),
  SERF_WAN_PORT("ports.serf_wan", "serf-wan-port", Type.PORT),
  HTTP_MAX_CONNS_PER_CLIENT("limits.http_max_conns_per_client", null, Type.COUNT),
  // TLS of the HTTPS listener: tls.https wins over tls.defaults, which wins over Consul's deprecated top-level keys.
  TLS_DEFAULTS_CA_FILE("tls.defaults.ca_file", null, Type.STRING),
  TLS_DEFAULTS_CA_PATH("tls.defaults.ca_path", null, Type.STRING),
  TLS_DEFAULTS_CERT_FILE("tls.defaults.cert_file", null, Type.STRING),
  TLS_DEFAULTS_KEY_FILE("tls.defaults.key_file", null, Type.STRING),
  TLS_DEFAULTS_VERIFY_INCOMING("tls.defaults.verify_incoming", null, Type.BOOL),
  TLS_DEFAULTS_VERIFY_OUTGOING("tls.defaults.verify_outgoing", null, Type.BOOL),
  TLS_DEFAULTS_MIN_VERSION("tls.defaults.tls_min_version", null, Type.STRING),
  TLS_DEFAULTS_CIPHER_SUITES("tls.defaults.tls_cipher_suites", null, Type.STRING),
  TLS_HTTPS_CA_FILE("tls.https.ca_file", null, Type.STRING),
  TLS_HTTPS_CA_PATH("tls.https.ca_path", null, Type.STRING),
  TLS_HTTPS_CERT_FILE("tls.https.cert_file", null, Type.STRING),
  TLS_HTTPS_KEY_FILE("tls.https.key_file", null, Type.STRING),
  TLS_HTTPS_VERIFY_INCOMING("tls.https.verify_incoming", null, Type.BOOL),
  TLS_HTTPS_MIN_VERSION("tls.https.tls_min_version", null, Type.STRING),
  TLS_HTTPS_CIPHER_SUITES("tls.https.tls_cipher_suites", null, Type.STRING),
  // TLS of the Raft port (server RPC): tls.internal_rpc wins over tls.defaults, then the deprecated top-level keys.
  TLS_INTERNAL_RPC_CA_FILE("tls.internal_rpc.ca_file", null, Type.STRING),
  TLS_INTERNAL_RPC_CA_PATH("tls.internal_rpc.ca_path", null, Type.STRING),
  TLS_INTERNAL_RPC_CERT_FILE("tls.internal_rpc.cert_file", null, Type.STRING),
  TLS_INTERNAL_RPC_KEY_FILE("tls.internal_rpc.key_file", null, Type.STRING),
  TLS_INTERNAL_RPC_VERIFY_INCOMING("tls.internal_rpc.verify_incoming", null, Type.BOOL),
  TLS_INTERNAL_RPC_VERIFY_OUTGOING("tls.internal_rpc.verify_outgoing", null, Type.BOOL),
  TLS_INTERNAL_RPC_VERIFY_SERVER_HOSTNAME("tls.internal_rpc.verify_server_hostname", null, Type.BOOL),
  TLS_INTERNAL_RPC_MIN_VERSION("tls.internal_rpc.tls_min_version", null, Type.STRING),
  /** Consul's deprecated spelling of tls.defaults.ca_file; likewise the next five. */
  CA_FILE("ca_file", null, Type.STRING),
  CA_PATH("ca_path", null, Type.STRING),
  CERT_FILE("cert_file", null, Type.STRING),
  KEY_FILE("key_file", null, Type.STRING),
  VERIFY_INCOMING("verify_incoming", null, Type.BOOL),
  TLS_MIN_VERSION("tls_min_version", null, Type.STRING),
  TLS_CIPHER_SUITES("tls_cipher_suites", null, Type.STRING),
  /** Consul's deprecated spelling of tls.https.verify_incoming. */
  VERIFY_INCOMING_HTTPS("verify_incoming_https", null, Type.BOOL),
  /** Consul's deprecated spelling of tls.internal_rpc.verify_incoming. */
  VERIFY_INCOMING_RPC("verify_incoming_rpc", null, Type.BOOL),
  /** Consul's deprecated spelling of tls.defaults.verify_outgoing. */
  VERIFY_OUTGOING("verify_outgoing", null, Type.BOOL),
  /** Consul's deprecated spelling of tls.internal_rpc.verify_server_hostname. */
  VERIFY_SERVER_HOSTNAME("verify_server_hostname", null, Type.BOOL),
  // ACLs (the io.cairn.acl configuration): acl.* wins over Consul's deprecated spellings listed after each.
  ACL_ENABLED("acl.enabled", null, Type.BOOL),
  ACL_DEFAULT_POLICY("acl.default_policy", null, Type.STRING),
  ACL_DEFAULT_POLICY_LEGACY("acl_default_policy", null, Type.STRING),
  ACL_DOWN_POLICY("acl.down_policy", null, Type.STRING),
  ACL_DOWN_POLICY_LEGACY("acl_down_policy", null, Type.STRING),
  ACL_TOKEN_TTL("acl.token_ttl", null, Type.DURATION),
  ACL_TTL_LEGACY("acl_ttl", null, Type.DURATION),
  ACL_ENABLE_TOKEN_PERSISTENCE("acl.enable_token_persistence", null, Type.BOOL),
  ACL_INITIAL_MANAGEMENT_TOKEN("acl.tokens.initial_management", null, Type.STRING),
  ACL_MASTER_TOKEN("acl.tokens.master", null, Type.STRING),
  ACL_MASTER_TOKEN_LEGACY("acl_master_token", null, Type.STRING),
  ACL_DEFAULT_TOKEN("acl.tokens.default", null, Type.STRING),
  ACL_DEFAULT_TOKEN_LEGACY("acl_token", null, Type.STRING),
  ACL_AGENT_TOKEN("acl.tokens.agent", null, Type.STRING),
  ACL_AGENT_TOKEN_LEGACY("acl_agent_token", null, Type.STRING),
  ACL_AGENT_RECOVERY_TOKEN("acl.tokens.agent_recovery", null, Type.STRING),
  ACL_AGENT_MASTER_TOKEN("acl.tokens.agent_master", null, Type.STRING),
  ACL_AGENT_MASTER_TOKEN_LEGACY("acl_agent_master_token", null, Type.STRING),
  /** Where policies, roles and global tokens are written; the agent's own datacenter when not set. */
  PRIMARY_DATACENTER("primary_datacenter", null, Type.STRING),
  ACL_DATACENTER_LEGACY("acl_datacenter", null, Type.STRING),
  ACL_ENABLE_TOKEN_REPLICATION("acl.enable_token_replication", null, Type.BOOL),
  ACL_REPLICATION_TOKEN("acl.tokens.replication", null, Type.STRING),
  ACL_REPLICATION_TOKEN_LEGACY("acl_replication_token", null, Type.STRING);

  /**
   * How a setting's value is spelled and checked; a LISTENER_PORT is a PORT that may also be -1 (off), an INTEGER
   * any whole number (its setting's own range is the planner's to check).
   */
  enum Type { STRING, BOOL, COUNT, INTEGER, PORT, LISTENER_PORT, LIST, DURATION }

  /** The value of a LISTENER_PORT that turns its listener off. */
  static final int OFF = -1;

  final String key;
  final String flag;
  final Type type;

  Setting(String key, String flag, Type type) {
    this.key = key;
    this.flag = flag;
    this.type = type;
  }

  /** Converts the text of one flag occurrence; a LIST flag yields a one-element list. */
  Object fromFlag(String text) throws ConfigException {
    String origin = "invalid value \"" + text + "\" for flag -" + flag;
    return switch (type) {
      case STRING -> text;
      case BOOL -> Boolean.parseBoolean(text);
      case LIST -> List.of(text);
      case DURATION -> duration(origin, text);
      case COUNT, INTEGER, PORT, LISTENER_PORT -> {
        try {
          yield checkRange(origin, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
          throw new ConfigException(origin + ": " + expectation());
        }
      }
    };
  }

  /** Converts a value read from a config file; {@code origin} names the file and field. */
  Object fromJson(Object json, String origin) throws ConfigException {
    String got = origin + ": " + expectation() + ", got " + describe(json);
    switch (type) {
      case STRING:
        if (json instanceof String s) {
          return s;
        }
        throw new ConfigException(got);
      case BOOL:
        if (json instanceof Boolean b) {
          return b;
        }
        throw new ConfigException(got);
      case DURATION:
        if (json instanceof String s) {
          return duration(origin, s);
        }
        throw new ConfigException(got);
      case LIST:
        if (json instanceof String s) {
          return List.of(s);
        }
        if (json instanceof List<?> items && items.stream().allMatch(String.class::isInstance)) {
          return new ArrayList<>(items.stream().map(String.class::cast).toList());
        }
        throw new ConfigException(got);
      default:
        if (json instanceof BigDecimal number) {
          try {
            return checkRange(origin, number.intValueExact());
          } catch (ArithmeticException e) {
            throw new ConfigException(got);
          }
        }
        throw new ConfigException(got);
    }
  }

  /** A Go duration ({@code "30s"}, {@code "72h"}, {@code "1h30m"}) as a {@link Duration}. */
  private static Duration duration(String origin, String text) throws ConfigException {
    try {
      return GoDuration.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(origin + ": " + e.getMessage());
    }
  }

  private int checkRange(String origin, int value) throws ConfigException {
    boolean ok = switch (type) {
      case PORT -> value >= 1 && value <= 65535;
      case LISTENER_PORT -> value == OFF || value >= 1 && value <= 65535;
      case INTEGER -> true;
      default -> value >= 0;
    };
    if (!ok) {
      throw new ConfigException(origin + ": " + expectation() + ", got " + value);
    }
    return value;
  }

  private String expectation() {
    return switch (type) {
      case STRING -> "expected a string";
      case BOOL -> "expected true or false";
      case LIST -> "expected a string or an array of strings";
      case COUNT -> "expected a whole number, 0 or more";
      case INTEGER -> "expected a whole number";
      case PORT, LISTENER_PORT -> "expected a port number between 1 and 65535";
      case DURATION -> "expected a duration such as \"30s\" or \"72h\"";
    };
  }

  private static String describe(Object json) {
    if (json == null) {
      return "null";
    }
    if (json instanceof String s) {
      return "\"" + s + "\"";
    }
    if (json instanceof java.util.Map) {
      return "an object";
    }
    if (json instanceof List) {
      return "an array";
    }
    return json.toString();
  }
}
