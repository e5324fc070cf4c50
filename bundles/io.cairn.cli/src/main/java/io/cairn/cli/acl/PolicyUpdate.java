package io.cairn.cli.acl;

import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.go.lang.GoQuote;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code cairn acl policy update}: changes the policy named by {@code -id} (or a unique prefix) or by
 * {@code -name}; with {@code -id}, {@code -name} renames it. Fields no flag gives keep their values unless
 * {@code -no-merge} is given.
 */
public final class PolicyUpdate extends AclCommand {

  @Override
  public String synopsis() {
    return "Update an ACL policy";
  }

  @Override
  protected String usage() {
    return "Usage: cairn acl policy update [options]\n\n"
        + "  Updates a policy. By default it merges the given fields into the existing policy, e.g.\n\n"
        + "      $ cairn acl policy update -id abcd -description \"new description\" -rules @rules.hcl";
  }

  @Override
  protected void declare(FlagSet flags) {
    declareId(flags, AclKind.POLICY, "update");
    flags.value("name", "<string>", "The policy's name: the policy to update without -id, its new name with it.");
    flags.value("description", "<string>", "A description of the policy.");
    flags.value("valid-datacenter", "<value>", "Datacenter that the policy should be valid within. This flag may "
        + "be specified multiple times.");
    flags.value("rules", "<string>", "The policy rules. May be prefixed with '@' to indicate that the value is a "
        + "file path to load the rules from. '-' may also be given to indicate that the rules are available on "
        + "stdin.");
    flags.bool("no-merge", "Do not merge the current policy information with what is provided to the command. "
        + "Instead overwrite all fields with the exception of the policy ID which is immutable.");
    AclText.declare(flags, true);
  }

  @Override
  protected int execute(ParsedFlags flags, AclApi acl, AclText text, Console console) throws AclException {
    String id = givenId(flags);
    String name = flags.string("name", "");
    if (id.isEmpty() && name.isEmpty()) {
      throw new AclException("Cannot update a policy without specifying the -id or -name parameter");
    }
    String full = step("Error determining policy ID",
        () -> id.isEmpty() ? acl.idByName(AclKind.POLICY, name) : acl.resolveId(AclKind.POLICY, id));
    String rules = flags.isSet("rules") ? PolicyCreate.rules(flags, console) : null;
    Map<String, Object> policy;
    if (flags.bool("no-merge")) {
      policy = new LinkedHashMap<>();
      policy.put("ID", full);
      policy.put("Name", name);
      policy.put("Description", flags.string("description", ""));
      policy.put("Rules", rules == null ? "" : rules);
      policy.put("Datacenters", flags.all("valid-datacenter"));
    } else {
      policy = step("Error reading policy " + GoQuote.quote(full), () -> acl.read(AclKind.POLICY, full))
          .orElseThrow(() -> new AclException("Policy not found with ID " + GoQuote.quote(full)));
      if (!name.isEmpty()) {
        policy.put("Name", name);
      }
      flags.last("description").ifPresent(description -> policy.put("Description", description));
      if (rules != null) {
        policy.put("Rules", rules);
      }
      if (flags.isSet("valid-datacenter")) {
        policy.put("Datacenters", flags.all("valid-datacenter"));
      }
    }
    return print(console, text.policy(step("Failed to update policy " + full,
        () -> acl.update(AclKind.POLICY, full, policy))));
  }
}
