package io.cairn.cli.acl;

import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cairn acl bootstrap [file]}: has the cluster create its first management token, once, and prints it;
 * the optional file holds the secret ID to give that token.
 */
public final class AclBootstrap extends AclCommand {

  @Override
  public String synopsis() {
    return "Bootstrap Cairn's ACL system";
  }

  @Override
  protected String usage() {
    return "Usage: cairn acl bootstrap [options] [<file>]\n\n"
        + "  Requests a new token with unlimited privileges for management purposes and prints its details. This\n"
        + "  can be done only once; afterwards bootstrapping is disabled. <file> may hold the secret ID to use.";
  }

  @Override
  protected void declare(FlagSet flags) {
    AclText.declare(flags, false);
  }

  @Override
  protected boolean takesArgument() {
    return true;
  }

  @Override
  protected int execute(ParsedFlags flags, AclApi acl, AclText text, Console console) throws AclException {
    List<String> args = flags.positional();
    if (args.size() > 1) {
      throw new AclException("Too many arguments (expected 0 or 1, got " + args.size() + ")");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    if (args.size() == 1) {
      try {
        body.put("BootstrapSecret", Files.readString(Path.of(args.get(0)), StandardCharsets.UTF_8).strip());
      } catch (IOException | RuntimeException e) {
        throw new AclException("Failed ACL bootstrapping: cannot read " + args.get(0) + ": " + e.getMessage());
      }
    }
    return print(console, text.token(step("Failed ACL bootstrapping", () -> acl.bootstrap(body))));
  }
}
