package io.cairn.cli.acl;

import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.go.lang.GoQuote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The links of tokens and roles as command lines give them: {@code -policy-id} (an ID or unique prefix),
 * {@code -policy-name}, {@code -role-id}, {@code -role-name}, {@code -service-identity NAME[:DC1,DC2]} and
 * {@code -node-identity NODE:DC}, all repeatable, turned into the JSON the ACL API takes.
 */
final class AclLinks {
  private AclLinks() {}

  static void declarePolicies(FlagSet flags, String prefix, String use) {
    flags.value(prefix + "policy-id", "<value>", "ID of a policy to " + use + ". May be specified multiple times.");
    flags.value(prefix + "policy-name", "<value>", "Name of a policy to " + use + ". May be specified multiple "
        + "times.");
  }

  static void declareRoles(FlagSet flags, String prefix, String use) {
    flags.value(prefix + "role-id", "<value>", "ID of a role to " + use + ". May be specified multiple times.");
    flags.value(prefix + "role-name", "<value>", "Name of a role to " + use + ". May be specified multiple times.");
  }

  static void declareIdentities(FlagSet flags, String prefix, String use) {
    flags.value(prefix + "service-identity", "<value>", "Name of a service identity to " + use + ". May be "
        + "specified multiple times. Format is the SERVICENAME or SERVICENAME:DATACENTER1,DATACENTER2,...");
    flags.value(prefix + "node-identity", "<value>", "Name of a node identity to " + use + ". May be specified "
        + "multiple times. Format is NODENAME:DATACENTER");
  }

  /** Whether any of the flags of {@code kind} ({@code policy}, {@code role}) with this prefix was given. */
  static boolean given(ParsedFlags flags, String prefix, String kind) {
    return flags.isSet(prefix + kind + "-id") || flags.isSet(prefix + kind + "-name");
  }

  /** Links by name (resolved by the agent) then by ID (prefixes resolved here, as Consul's CLI does). */
  static List<Map<String, Object>> links(ParsedFlags flags, AclApi acl, AclKind kind, String prefix)
      throws AclException {
    List<Map<String, Object>> links = new ArrayList<>();
    for (String name : flags.all(prefix + kind.noun + "-name")) {
      links.add(link("Name", name));
    }
    for (String partial : flags.all(prefix + kind.noun + "-id")) {
      links.add(link("ID", AclCommand.step("Error resolving " + kind.noun + " ID " + partial,
          () -> acl.resolveId(kind, partial))));
    }
    return links;
  }

  static List<Map<String, Object>> serviceIdentities(ParsedFlags flags, String prefix) throws AclException {
    List<Map<String, Object>> identities = new ArrayList<>();
    for (String value : flags.all(prefix + "service-identity")) {
      String[] parts = value.split(":", -1);
      if (parts.length > 2 || parts[0].isEmpty()) {
        throw new AclException("Malformed -service-identity argument: " + GoQuote.quote(value));
      }
      Map<String, Object> identity = link("ServiceName", parts[0]);
      if (parts.length == 2) {
        identity.put("Datacenters", List.of(parts[1].split(",", -1)));
      }
      identities.add(identity);
    }
    return identities;
  }

  static List<Map<String, Object>> nodeIdentities(ParsedFlags flags, String prefix) throws AclException {
    List<Map<String, Object>> identities = new ArrayList<>();
    for (String value : flags.all(prefix + "node-identity")) {
      String[] parts = value.split(":", -1);
      if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
        throw new AclException("Malformed -node-identity argument: " + GoQuote.quote(value));
      }
      Map<String, Object> identity = link("NodeName", parts[0]);
      identity.put("Datacenter", parts[1]);
      identities.add(identity);
    }
    return identities;
  }

  /**
   * {@code links} followed by those of {@code added} not already among them: with the same value of one of
   * {@code keys} ({@code ID}, {@code Name}), or without keys equal.
   */
  static List<Map<String, Object>> merged(List<Map<String, Object>> links, List<Map<String, Object>> added,
      String... keys) {
    List<Map<String, Object>> result = new ArrayList<>(links);
    for (Map<String, Object> link : added) {
      boolean present = result.stream().anyMatch(existing -> sameKey(existing, link, keys));
      if (!present) {
        result.add(link);
      }
    }
    return result;
  }

  private static boolean sameKey(Map<String, Object> a, Map<String, Object> b, String... keys) {
    if (keys.length == 0) {
      return a.equals(b);
    }
    for (String key : keys) {
      String value = AclText.string(b, key);
      if (!value.isEmpty() && value.equals(AclText.string(a, key))) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Object> link(String field, String value) {
    Map<String, Object> link = new LinkedHashMap<>();
    link.put(field, value);
    return link;
  }
}
