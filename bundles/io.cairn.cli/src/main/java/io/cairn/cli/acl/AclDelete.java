package io.cairn.cli.acl;

import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.go.lang.GoQuote;

/** {@code cairn acl token|policy|role delete}: one object by {@code -id} (or a unique prefix), or by name. */
public final class AclDelete extends AclCommand {
  private final AclKind kind;

  private AclDelete(AclKind kind) {
    this.kind = kind;
  }

  public static AclDelete token() {
    return new AclDelete(AclKind.TOKEN);
  }

  public static AclDelete policy() {
    return new AclDelete(AclKind.POLICY);
  }

  public static AclDelete role() {
    return new AclDelete(AclKind.ROLE);
  }

  @Override
  public String synopsis() {
    return "Delete an ACL " + kind.noun;
  }

  @Override
  protected String usage() {
    return "Usage: cairn acl " + kind.noun + " delete [options]\n\n  Deletes an ACL " + kind.noun
        + (kind == AclKind.TOKEN ? " by its Accessor ID." : " by its ID or name.");
  }

  @Override
  protected void declare(FlagSet flags) {
    declareId(flags, kind, "delete");
    if (kind != AclKind.TOKEN) {
      flags.value("name", "<string>", "The name of the " + kind.noun + " to delete.");
    }
  }

  @Override
  protected int execute(ParsedFlags flags, AclApi acl, AclText text, Console console) throws AclException {
    String id = givenId(flags);
    String name = flags.string("name", "");
    if (id.isEmpty() && name.isEmpty()) {
      throw new AclException(kind == AclKind.TOKEN ? missingTokenId()
          : "Must specify either the -id or -name parameters");
    }
    String full = step("Error determining " + kind.noun + " ID",
        () -> id.isEmpty() ? acl.idByName(kind, name) : acl.resolveId(kind, id));
    step("Error deleting " + kind.noun + " " + GoQuote.quote(full), () -> {
      acl.delete(kind, full);
      return null;
    });
    console.out().println(kind.title + " " + GoQuote.quote(full) + " deleted successfully");
    return 0;
  }
}
