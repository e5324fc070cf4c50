package io.cairn.cli.acl;

import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.go.lang.GoQuote;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cairn acl token|policy|role read}: one object by {@code -id} (or a unique prefix of it), a policy or
 * role also by {@code -name}, the request's own token with {@code -self}.
 */
public final class AclRead extends AclCommand {
  private final AclKind kind;

  private AclRead(AclKind kind) {
    this.kind = kind;
  }

  public static AclRead token() {
    return new AclRead(AclKind.TOKEN);
  }

  public static AclRead policy() {
    return new AclRead(AclKind.POLICY);
  }

  public static AclRead role() {
    return new AclRead(AclKind.ROLE);
  }

  @Override
  public String synopsis() {
    return "Read an ACL " + kind.noun;
  }

  @Override
  protected String usage() {
    return "Usage: cairn acl " + kind.noun + " read [options]\n\n  Reads and displays an ACL " + kind.noun
        + (kind == AclKind.TOKEN ? " by its Accessor ID, or the token of the request with -self."
            : " by its ID or name.");
  }

  @Override
  protected void declare(FlagSet flags) {
    declareId(flags, kind, "read");
    if (kind == AclKind.TOKEN) {
      flags.bool("self", "Indicates that the current HTTP token should be read by secret ID instead of expecting "
          + "a -accessor-id option.");
    } else {
      flags.value("name", "<string>", "The name of the " + kind.noun + " to read.");
    }
    AclText.declare(flags, true);
  }

  @Override
  protected int execute(ParsedFlags flags, AclApi acl, AclText text, Console console) throws AclException {
    String id = givenId(flags);
    String name = flags.string("name", "");
    if (kind == AclKind.TOKEN && flags.bool("self")) {
      return print(console, text.token(step("Error reading token \"\"", acl::readSelfToken)));
    }
    if (id.isEmpty() && name.isEmpty()) {
      throw new AclException(kind == AclKind.TOKEN ? missingTokenId()
          : "Must specify either the -id or -name parameters");
    }
    Optional<Map<String, Object>> found;
    if (!id.isEmpty()) {
      String full = step("Error determining " + kind.noun + " ID", () -> acl.resolveId(kind, id));
      found = step("Error reading " + kind.noun + " " + GoQuote.quote(full), () -> acl.read(kind, full));
      if (found.isEmpty()) {
        throw new AclException(kind.title + " not found with ID " + GoQuote.quote(full));
      }
    } else {
      found = step("Error reading " + kind.noun + " " + GoQuote.quote(name), () -> acl.readByName(kind, name));
      if (found.isEmpty()) {
        throw new AclException(kind.title + " not found with name " + GoQuote.quote(name));
      }
    }
    return print(console, switch (kind) {
      case TOKEN -> text.token(found.get());
      case POLICY -> text.policy(found.get());
      case ROLE -> text.role(found.get());
    });
  }
}
