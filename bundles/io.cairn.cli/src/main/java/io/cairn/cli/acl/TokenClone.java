package io.cairn.cli.acl;

import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;

/** {@code cairn acl token clone}: a new token with the links of an existing one and new IDs. */
public final class TokenClone extends AclCommand {

  @Override
  public String synopsis() {
    return "Clone an ACL token";
  }

  @Override
  protected String usage() {
    return "Usage: cairn acl token clone [options]\n\n"
        + "  Clones an existing token: the new token has the same policies, roles and identities, its own\n"
        + "  Accessor and Secret IDs, and the description given.";
  }

  @Override
  protected void declare(FlagSet flags) {
    declareId(flags, AclKind.TOKEN, "clone");
    flags.value("description", "<string>", "A description of the new cloned token.");
    AclText.declare(flags, true);
  }

  @Override
  protected int execute(ParsedFlags flags, AclApi acl, AclText text, Console console) throws AclException {
    String id = givenId(flags);
    if (id.isEmpty()) {
      throw new AclException("Cannot clone a token without specifying the -accessor-id parameter");
    }
    String full = step("Error determining token ID", () -> acl.resolveId(AclKind.TOKEN, id));
    String description = flags.string("description", "");
    return print(console, text.token(step("Failed to clone token", () -> acl.cloneToken(full, description))));
  }
}
