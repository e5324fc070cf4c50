package io.cairn.cli.acl;

/**
 * The three kinds of ACL object the CLI manages, with the HTTP API paths and the words Consul's messages use for
 * each. A token is identified by its {@code AccessorID}, policies and roles by their {@code ID}.
 */
enum AclKind {
  TOKEN("token", "Token", "tokens", "AccessorID", "anonymous", "00000000-0000-0000-0000-000000000002"),
  POLICY("policy", "Policy", "policies", "ID", "global-management", "00000000-0000-0000-0000-000000000001"),
  ROLE("role", "Role", "roles", "ID", null, null);

  /** Length of a full UUID: shorter IDs are prefixes to look up. */
  static final int UUID_LENGTH = 36;

  final String noun;
  final String title;
  final String plural;
  final String idField;
  /** A name Consul accepts in place of a built-in object's ID ({@code -id anonymous}); {@code null} for none. */
  final String builtinName;
  final String builtinId;

  AclKind(String noun, String title, String plural, String idField, String builtinName, String builtinId) {
    this.noun = noun;
    this.title = title;
    this.plural = plural;
    this.idField = idField;
    this.builtinName = builtinName;
    this.builtinId = builtinId;
  }

  /** {@code /v1/acl/token/} and the like: create with PUT on it, read, update and delete below it. */
  String itemPath() {
    return "/v1/acl/" + noun;
  }

  String listPath() {
    return "/v1/acl/" + plural;
  }
}
