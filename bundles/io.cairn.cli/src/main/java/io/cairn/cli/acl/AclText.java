package io.cairn.cli.acl;

import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.json.Json;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How Consul's ACL commands print tokens, policies and roles: {@code -format=pretty} (the default) as Consul's
 * aligned "Field:  value" lines, with hash and Raft indexes under {@code -meta}; {@code -format=json} as the
 * agent's JSON indented by four spaces, as Consul's {@code json.MarshalIndent(v, "", "    ")}. Every text ends
 * the way Consul's formatters end theirs; the commands print it with one more newline, as Consul's UI does.
 */
final class AclText {
  private static final String PRETTY = "pretty";
  private static final String JSON = "json";
  private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  /** Go's zero {@code time.Time}, what a token without an expiration carries. */
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";
  /** Width of the labels of tokens ({@code "AccessorID:       "}) and of policies and roles ({@code "ID:  ..."}). */
  private static final int WIDE = 18;
  private static final int NARROW = 14;

  private final boolean json;
  private final boolean meta;

  private AclText(boolean json, boolean meta) {
    this.json = json;
    this.meta = meta;
  }

  /** Declares {@code -format}, and {@code -meta} for the commands that print metadata. */
  static void declare(FlagSet flags, boolean withMeta) {
    flags.value("format", "{pretty|json}", "Output format {pretty|json}. Defaults to pretty.");
    if (withMeta) {
      flags.bool("meta", "Indicates that metadata such as the content hash and Raft indices should be shown for "
          + "each entry.");
    }
  }

  /** The layout the command line asks for; Consul's error for any format but pretty and json. */
  static AclText of(ParsedFlags flags) throws AclException {
    String format = flags.string("format", PRETTY);
    if (!format.equals(PRETTY) && !format.equals(JSON)) {
      throw new AclException("Unknown format: " + format);
    }
    return new AclText(format.equals(JSON), flags.bool("meta"));
  }

  String token(Map<String, Object> token) {
    return json ? indented(token) : tokenFields(token);
  }

  /** Tokens separated by an empty line. */
  String tokens(List<Map<String, Object>> tokens) {
    if (json) {
      return indented(tokens);
    }
    StringBuilder out = new StringBuilder();
    for (Map<String, Object> token : tokens) {
      out.append(out.length() == 0 ? "" : "\n").append(tokenFields(token));
    }
    return out.toString();
  }

  String policy(Map<String, Object> policy) {
    if (json) {
      return indented(policy);
    }
    StringBuilder out = new StringBuilder();
    line(out, "", "ID:           ", string(policy, "ID"));
    line(out, "", "Name:         ", string(policy, "Name"));
    scope(out, "", policy, NARROW);
    line(out, "", "Description:  ", string(policy, "Description"));
    line(out, "", "Datacenters:  ", String.join(", ", strings(policy, "Datacenters")));
    meta(out, "", policy, NARROW);
    return out.append("Rules:\n").append(string(policy, "Rules")).toString();
  }

  /** Each policy as "name:" and its indented fields, without the rules. */
  String policies(List<Map<String, Object>> policies) {
    if (json) {
      return indented(policies);
    }
    StringBuilder out = new StringBuilder();
    for (Map<String, Object> policy : policies) {
      out.append(string(policy, "Name")).append(":\n");
      line(out, "   ", "ID:           ", string(policy, "ID"));
      scope(out, "   ", policy, NARROW);
      line(out, "   ", "Description:  ", string(policy, "Description"));
      line(out, "   ", "Datacenters:  ", String.join(", ", strings(policy, "Datacenters")));
      meta(out, "   ", policy, NARROW);
    }
    return out.toString();
  }

  String role(Map<String, Object> role) {
    if (json) {
      return indented(role);
    }
    StringBuilder out = new StringBuilder();
    line(out, "", "ID:           ", string(role, "ID"));
    line(out, "", "Name:         ", string(role, "Name"));
    scope(out, "", role, NARROW);
    line(out, "", "Description:  ", string(role, "Description"));
    meta(out, "", role, NARROW);
    links(out, "", role, false);
    return out.toString();
  }

  /** Each role as "name:" and its indented fields and links. */
  String roles(List<Map<String, Object>> roles) {
    if (json) {
      return indented(roles);
    }
    StringBuilder out = new StringBuilder();
    for (Map<String, Object> role : roles) {
      out.append(string(role, "Name")).append(":\n");
      line(out, "   ", "ID:           ", string(role, "ID"));
      scope(out, "   ", role, NARROW);
      line(out, "   ", "Description:  ", string(role, "Description"));
      meta(out, "   ", role, NARROW);
      links(out, "   ", role, false);
    }
    return out.toString();
  }

  private String tokenFields(Map<String, Object> token) {
    StringBuilder out = new StringBuilder();
    line(out, "", "AccessorID:       ", string(token, "AccessorID"));
    line(out, "", "SecretID:         ", string(token, "SecretID"));
    scope(out, "", token, WIDE);
    line(out, "", "Description:      ", string(token, "Description"));
    line(out, "", "Local:            ", String.valueOf(Boolean.TRUE.equals(token.get("Local"))));
    if (!string(token, "AuthMethod").isEmpty()) {
      line(out, "", "Auth Method:      ", string(token, "AuthMethod") + " (Namespace: "
          + string(token, "AuthMethodNamespace") + ")");
    }
    line(out, "", "Create Time:      ", goTime(string(token, "CreateTime")));
    String expiration = string(token, "ExpirationTime");
    if (!expiration.isEmpty() && !expiration.equals(ZERO_TIME)) {
      line(out, "", "Expiration Time:  ", goTime(expiration));
    }
    meta(out, "", token, WIDE);
    links(out, "", token, true);
    return out.toString();
  }

  /** Enterprise scopes, shown only when the agent reports them. */
  private static void scope(StringBuilder out, String indent, Map<String, Object> object, int width) {
    for (String field : List.of("Partition", "Namespace")) {
      if (!string(object, field).isEmpty()) {
        line(out, indent, label(field, width), string(object, field));
      }
    }
  }

  private void meta(StringBuilder out, String indent, Map<String, Object> object, int width) {
    if (!meta) {
      return;
    }
    line(out, indent, label("Hash", width), hash(string(object, "Hash")));
    line(out, indent, label("Create Index", width), number(object.get("CreateIndex")));
    line(out, indent, label("Modify Index", width), number(object.get("ModifyIndex")));
  }

  /** {@code name:} padded to {@code width}, Consul's alignment of values. */
  private static String label(String name, int width) {
    return name + ":" + " ".repeat(Math.max(1, width - name.length() - 1));
  }

  /** Policies and roles as "id - name", then service and node identities. */
  private static void links(StringBuilder out, String indent, Map<String, Object> object, boolean withRoles) {
    String item = indent + "   ";
    List<Map<String, Object>> policies = objects(object, "Policies");
    if (!policies.isEmpty()) {
      out.append(indent).append("Policies:\n");
      policies.forEach(p -> out.append(item).append(string(p, "ID")).append(" - ").append(string(p, "Name"))
          .append('\n'));
    }
    List<Map<String, Object>> roles = withRoles ? objects(object, "Roles") : List.of();
    if (!roles.isEmpty()) {
      out.append(indent).append("Roles:\n");
      roles.forEach(r -> out.append(item).append(string(r, "ID")).append(" - ").append(string(r, "Name"))
          .append('\n'));
    }
    List<Map<String, Object>> services = objects(object, "ServiceIdentities");
    if (!services.isEmpty()) {
      out.append(indent).append("Service Identities:\n");
      for (Map<String, Object> service : services) {
        List<String> datacenters = strings(service, "Datacenters");
        out.append(item).append(string(service, "ServiceName")).append(" (Datacenters: ")
            .append(datacenters.isEmpty() ? "all" : String.join(", ", datacenters)).append(")\n");
      }
    }
    List<Map<String, Object>> nodes = objects(object, "NodeIdentities");
    if (!nodes.isEmpty()) {
      out.append(indent).append("Node Identities:\n");
      nodes.forEach(n -> out.append(item).append(string(n, "NodeName")).append(" (Datacenter: ")
          .append(string(n, "Datacenter")).append(")\n"));
    }
  }

  private static void line(StringBuilder out, String indent, String label, String value) {
    out.append(indent).append(label).append(value).append('\n');
  }

  private static String indented(Object value) {
    return Json.writeIndented(value, "    ");
  }

  /** A string field, empty when absent or null. */
  static String string(Map<String, Object> object, String field) {
    Object value = object.get(field);
    return value == null ? "" : String.valueOf(value);
  }

  static List<String> strings(Map<String, Object> object, String field) {
    return object.get(field) instanceof List<?> items ? items.stream().map(String::valueOf).toList() : List.of();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> objects(Map<String, Object> object, String field) {
    return object.get(field) instanceof List<?> items
        ? items.stream().filter(Map.class::isInstance).map(i -> (Map<String, Object>) i).toList() : List.of();
  }

  private static String number(Object value) {
    return value instanceof BigDecimal n ? n.toPlainString() : "0";
  }

  /** Go's {@code %x} of the base64 bytes the API sends. */
  private static String hash(String base64) {
    try {
      return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException e) {
      return base64;
    }
  }

  /**
   * An RFC 3339 time as Go's {@code time.Time} prints it after decoding: {@code 2024-05-01 10:00:00.5 +0000 UTC};
   * an offset that is this machine's zone's shows the zone's abbreviation, any other offset shows itself twice,
   * as Go's fixed zones without a name do.
   */
  static String goTime(String rfc3339) {
    OffsetDateTime time;
    try {
      time = OffsetDateTime.parse(rfc3339);
    } catch (DateTimeParseException e) {
      return rfc3339;
    }
    StringBuilder out = new StringBuilder(time.format(GO_TIME));
    if (time.getNano() != 0) {
      out.append('.').append(String.format("%09d", time.getNano()).replaceAll("0+$", ""));
    }
    ZoneOffset offset = time.getOffset();
    String numeric = offset.getTotalSeconds() == 0 ? "+0000" : offset.getId().replace(":", "");
    String zone;
    if (rfc3339.endsWith("Z") || rfc3339.endsWith("z")) {
      zone = "UTC";
    } else {
      ZoneId local = ZoneId.systemDefault();
      zone = local.getRules().getOffset(time.toInstant()).equals(offset)
          ? time.atZoneSameInstant(local).format(DateTimeFormatter.ofPattern("zzz", Locale.ROOT)) : numeric;
    }
    return out.append(' ').append(numeric).append(' ').append(zone).toString();
  }
}
