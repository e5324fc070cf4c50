package io.cairn.cli.acl;

import io.cairn.cli.Console;
import io.cairn.cli.DataSource;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code cairn acl policy create}: a new policy from rules given inline, as {@code @file} or on stdin ({@code -}). */
public final class PolicyCreate extends AclCommand {

  @Override
  public String synopsis() {
    return "Create an ACL policy";
  }

  @Override
  protected String usage() {
    return "Usage: cairn acl policy create -name NAME [options]\n\n"
        + "  Creates a new policy, e.g.\n\n"
        + "      $ cairn acl policy create -name \"new-policy\" -description \"This is an example policy\" \\\n"
        + "          -datacenter \"dc1\" -rules @rules.hcl";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.value("name", "<string>", "The new policy's name. This flag is required.");
    flags.value("description", "<string>", "A description of the policy.");
    flags.value("valid-datacenter", "<value>", "Datacenter that the policy should be valid within. This flag may "
        + "be specified multiple times.");
    flags.value("rules", "<string>", "The policy rules. May be prefixed with '@' to indicate that the value is a "
        + "file path to load the rules from. '-' may also be given to indicate that the rules are available on "
        + "stdin.");
    AclText.declare(flags, true);
  }

  @Override
  protected int execute(ParsedFlags flags, AclApi acl, AclText text, Console console) throws AclException {
    String name = flags.string("name", "");
    if (name.isEmpty()) {
      throw new AclException("Missing required '-name' flag");
    }
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("Name", name);
    policy.put("Description", flags.string("description", ""));
    policy.put("Rules", rules(flags, console));
    policy.put("Datacenters", flags.all("valid-datacenter"));
    return print(console, text.policy(step("Failed to create new policy",
        () -> acl.create(AclKind.POLICY, policy))));
  }

  /** The text of {@code -rules} (inline, {@code @file} or {@code -}), empty when not given. */
  static String rules(ParsedFlags flags, Console console) throws AclException {
    try {
      return new String(DataSource.read(flags.string("rules", ""), console.in()), StandardCharsets.UTF_8);
    } catch (DataSource.DataSourceException e) {
      throw new AclException("Error loading rules: " + e.getMessage());
    }
  }
}
