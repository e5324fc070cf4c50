package io.cairn.cli.acl;

import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code cairn acl role update}: changes the role named by {@code -id} (or a unique prefix). Given policies and
 * identities are added to the role's, and fields no flag gives keep their values, unless {@code -no-merge} is
 * given: then the role is exactly what the flags say.
 */
public final class RoleUpdate extends AclCommand {

  @Override
  public String synopsis() {
    return "Update an ACL role";
  }

  @Override
  protected String usage() {
    return "Usage: cairn acl role update -id ID [options]\n\n"
        + "  Updates a role. By default it merges the given policies and identities into the role's, e.g.\n\n"
        + "      $ cairn acl role update -id abcd -name \"better-name\" -policy-name \"extra-policy\"";
  }

  @Override
  protected void declare(FlagSet flags) {
    declareId(flags, AclKind.ROLE, "update");
    flags.value("name", "<string>", "The role's new name.");
    flags.value("description", "<string>", "A description of the role.");
    AclLinks.declarePolicies(flags, "", "use for this role");
    AclLinks.declareIdentities(flags, "", "use for this role");
    flags.bool("no-merge", "Do not merge the current role information with what is provided to the command. "
        + "Instead overwrite all fields with the exception of the role ID which is immutable.");
    AclText.declare(flags, true);
  }

  @Override
  protected int execute(ParsedFlags flags, AclApi acl, AclText text, Console console) throws AclException {
    String id = givenId(flags);
    if (id.isEmpty()) {
      throw new AclException("Cannot update a role without specifying the -id parameter");
    }
    String full = step("Error determining role ID", () -> acl.resolveId(AclKind.ROLE, id));
    Map<String, Object> role;
    if (flags.bool("no-merge")) {
      role = new LinkedHashMap<>();
      role.put("ID", full);
      role.put("Name", flags.string("name", ""));
      role.put("Description", flags.string("description", ""));
      role.put("Policies", AclLinks.links(flags, acl, AclKind.POLICY, ""));
      role.put("ServiceIdentities", AclLinks.serviceIdentities(flags, ""));
      role.put("NodeIdentities", AclLinks.nodeIdentities(flags, ""));
    } else {
      role = step("Error when retrieving current role", () -> acl.read(AclKind.ROLE, full))
          .orElseThrow(() -> new AclException("Error when retrieving current role: Role not found with ID "
              + full));
      flags.last("name").filter(name -> !name.isEmpty()).ifPresent(name -> role.put("Name", name));
      flags.last("description").ifPresent(description -> role.put("Description", description));
      role.put("Policies", AclLinks.merged(AclText.objects(role, "Policies"),
          AclLinks.links(flags, acl, AclKind.POLICY, ""), "ID", "Name"));
      role.put("ServiceIdentities", AclLinks.merged(AclText.objects(role, "ServiceIdentities"),
          AclLinks.serviceIdentities(flags, "")));
      role.put("NodeIdentities", AclLinks.merged(AclText.objects(role, "NodeIdentities"),
          AclLinks.nodeIdentities(flags, "")));
    }
    return print(console, text.role(step("Failed to update role " + full,
        () -> acl.update(AclKind.ROLE, full, role))));
  }
}
