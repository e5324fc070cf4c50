package io.cairn.cli.acl;

import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code cairn acl role create}: a new role linking policies and identities. */
public final class RoleCreate extends AclCommand {

  @Override
  public String synopsis() {
    return "Create an ACL role";
  }

  @Override
  protected String usage() {
    return "Usage: cairn acl role create -name NAME [options]\n\n"
        + "  Creates a new role, e.g.\n\n"
        + "      $ cairn acl role create -name \"new-role\" -description \"This is an example role\" \\\n"
        + "          -policy-id b52fc3de-5 -policy-name \"acl-replication\" -service-identity \"web\"";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.value("name", "<string>", "The new role's name. This flag is required.");
    flags.value("description", "<string>", "A description of the role.");
    AclLinks.declarePolicies(flags, "", "use for this role");
    AclLinks.declareIdentities(flags, "", "use for this role");
    AclText.declare(flags, true);
  }

  @Override
  protected int execute(ParsedFlags flags, AclApi acl, AclText text, Console console) throws AclException {
    String name = flags.string("name", "");
    if (name.isEmpty()) {
      throw new AclException("Missing required '-name' flag");
    }
    Map<String, Object> role = new LinkedHashMap<>();
    role.put("Name", name);
    role.put("Description", flags.string("description", ""));
    role.put("Policies", AclLinks.links(flags, acl, AclKind.POLICY, ""));
    role.put("ServiceIdentities", AclLinks.serviceIdentities(flags, ""));
    role.put("NodeIdentities", AclLinks.nodeIdentities(flags, ""));
    if (List.of("Policies", "ServiceIdentities", "NodeIdentities").stream()
        .allMatch(field -> AclText.objects(role, field).isEmpty())) {
      throw new AclException("Cannot create a role without specifying -policy-name, -policy-id, "
          + "-service-identity, or -node-identity at least once");
    }
    return print(console, text.role(step("Failed to create new role", () -> acl.create(AclKind.ROLE, role))));
  }
}
