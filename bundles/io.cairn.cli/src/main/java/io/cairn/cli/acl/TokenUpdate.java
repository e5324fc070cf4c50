package io.cairn.cli.acl;

import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import java.util.List;
import java.util.Map;

/**
 * {@code cairn acl token update}: changes a token's description and links. {@code -policy-*}, {@code -role-*},
 * {@code -service-identity} and {@code -node-identity} replace the token's links of that kind, their
 * {@code -append-} twins (and Consul's older {@code -merge-*} switches) add to them; links of a kind no flag names
 * stay as they are.
 */
public final class TokenUpdate extends AclCommand {
  private static final String APPEND = "append-";

  @Override
  public String synopsis() {
    return "Update an ACL token";
  }

  @Override
  protected String usage() {
    return "Usage: cairn acl token update [options]\n\n"
        + "  Updates a token. Some parts, such as marking the token local, cannot be changed, e.g.\n\n"
        + "      $ cairn acl token update -accessor-id abcd -description \"replication\" "
        + "-append-policy-name replication";
  }

  @Override
  protected void declare(FlagSet flags) {
    declareId(flags, AclKind.TOKEN, "update");
    flags.value("description", "<string>", "A new description of the token.");
    AclLinks.declarePolicies(flags, "", "use for this token, replacing the existing ones");
    AclLinks.declarePolicies(flags, APPEND, "add to this token");
    AclLinks.declareRoles(flags, "", "use for this token, replacing the existing ones");
    AclLinks.declareRoles(flags, APPEND, "add to this token");
    AclLinks.declareIdentities(flags, "", "use for this token, replacing the existing ones");
    AclLinks.declareIdentities(flags, APPEND, "add to this token");
    flags.bool("merge-policies", "Add the -policy-id and -policy-name policies instead of replacing (deprecated: "
        + "use -append-policy-id and -append-policy-name).");
    flags.bool("merge-roles", "Add the -role-id and -role-name roles instead of replacing (deprecated: use "
        + "-append-role-id and -append-role-name).");
    flags.bool("merge-service-identities", "Add the -service-identity identities instead of replacing "
        + "(deprecated: use -append-service-identity).");
    flags.bool("merge-node-identities", "Add the -node-identity identities instead of replacing (deprecated: use "
        + "-append-node-identity).");
    AclText.declare(flags, true);
  }

  @Override
  protected int execute(ParsedFlags flags, AclApi acl, AclText text, Console console) throws AclException {
    String id = givenId(flags);
    if (id.isEmpty()) {
      throw new AclException("Cannot update a token without specifying the -accessor-id parameter");
    }
    notCombined(AclLinks.given(flags, "", "policy"), AclLinks.given(flags, APPEND, "policy"),
        "policy-id/policy-name");
    notCombined(AclLinks.given(flags, "", "role"), AclLinks.given(flags, APPEND, "role"), "role-id/role-name");
    notCombined(flags.isSet("service-identity"), flags.isSet(APPEND + "service-identity"), "service-identity");
    notCombined(flags.isSet("node-identity"), flags.isSet(APPEND + "node-identity"), "node-identity");
    String full = step("Error determining token ID", () -> acl.resolveId(AclKind.TOKEN, id));
    Map<String, Object> token = step("Error when retrieving current token", () -> acl.read(AclKind.TOKEN, full))
        .orElseThrow(() -> new AclException("Error when retrieving current token: Token not found with ID "
            + full));
    String description = flags.string("description", "");
    if (!description.isEmpty()) {
      token.put("Description", description);
    }
    token.put("Policies", update(AclText.objects(token, "Policies"), flags.bool("merge-policies"),
        AclLinks.given(flags, "", "policy"), AclLinks.links(flags, acl, AclKind.POLICY, ""),
        AclLinks.links(flags, acl, AclKind.POLICY, APPEND), "ID", "Name"));
    token.put("Roles", update(AclText.objects(token, "Roles"), flags.bool("merge-roles"),
        AclLinks.given(flags, "", "role"), AclLinks.links(flags, acl, AclKind.ROLE, ""),
        AclLinks.links(flags, acl, AclKind.ROLE, APPEND), "ID", "Name"));
    token.put("ServiceIdentities", update(AclText.objects(token, "ServiceIdentities"),
        flags.bool("merge-service-identities"), flags.isSet("service-identity"),
        AclLinks.serviceIdentities(flags, ""), AclLinks.serviceIdentities(flags, APPEND)));
    token.put("NodeIdentities", update(AclText.objects(token, "NodeIdentities"),
        flags.bool("merge-node-identities"), flags.isSet("node-identity"), AclLinks.nodeIdentities(flags, ""),
        AclLinks.nodeIdentities(flags, APPEND)));
    return print(console, text.token(step("Failed to update token " + full,
        () -> acl.update(AclKind.TOKEN, full, token))));
  }

  private static void notCombined(boolean replace, boolean append, String what) throws AclException {
    if (replace && append) {
      throw new AclException("Cannot combine the use of " + what + " flags with append- variants. To set or "
          + "overwrite existing links use the former, to append to them the latter.");
    }
  }

  /** The links of one kind after the update: replaced, merged or appended to, else unchanged. */
  private static List<Map<String, Object>> update(List<Map<String, Object>> existing, boolean merge,
      boolean replaceGiven, List<Map<String, Object>> replacement, List<Map<String, Object>> appended,
      String... keys) {
    if (merge) {
      return AclLinks.merged(AclLinks.merged(existing, replacement, keys), appended, keys);
    }
    if (replaceGiven) {
      return replacement;
    }
    return AclLinks.merged(existing, appended, keys);
  }
}
