package io.cairn.cli.acl;

import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import java.util.List;
import java.util.Map;

/** {@code cairn acl token|policy|role list}: every object of one kind, as Consul lists them. */
public final class AclList extends AclCommand {
  private final AclKind kind;

  private AclList(AclKind kind) {
    this.kind = kind;
  }

  public static AclList tokens() {
    return new AclList(AclKind.TOKEN);
  }

  public static AclList policies() {
    return new AclList(AclKind.POLICY);
  }

  public static AclList roles() {
    return new AclList(AclKind.ROLE);
  }

  @Override
  public String synopsis() {
    return "Lists ACL " + kind.plural;
  }

  @Override
  protected String usage() {
    return "Usage: cairn acl " + kind.noun + " list [options]\n\n  Lists all the ACL " + kind.plural + ".";
  }

  @Override
  protected void declare(FlagSet flags) {
    AclText.declare(flags, true);
  }

  @Override
  protected int execute(ParsedFlags flags, AclApi acl, AclText text, Console console) throws AclException {
    List<Map<String, Object>> items = step("Failed to retrieve the " + kind.noun + " list", () -> acl.list(kind));
    return print(console, switch (kind) {
      case TOKEN -> text.tokens(items);
      case POLICY -> text.policies(items);
      case ROLE -> text.roles(items);
    });
  }
}
