package io.cairn.cli.acl;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;

/**
 * Base of the {@code cairn acl} commands: runs one against the ACL API and prints a failed step the way Consul's
 * commands do, {@code <what failed>: <why>} on stderr with exit code 1 (e.g. {@code Failed to create new token:
 * Unexpected response code: 403 (Permission denied)}).
 */
abstract class AclCommand extends ClientCommand {

  /** One step that talks to the agent. */
  interface Step<T> {
    T run() throws ApiException, AclException;
  }

  /** Runs the command; a failed step ends it through {@link AclException}. */
  protected abstract int execute(ParsedFlags flags, AclApi acl, AclText text, Console console)
      throws UsageException, AclException;

  @Override
  protected final int execute(ParsedFlags flags, ApiClient api, Console console) throws UsageException {
    try {
      if (!flags.positional().isEmpty() && !takesArgument()) {
        throw new AclException("Too many arguments (expected 0, got " + flags.positional().size() + ")");
      }
      return execute(flags, new AclApi(api), AclText.of(flags), console);
    } catch (AclException e) {
      console.err().println(e.getMessage());
      return 1;
    }
  }

  /** Whether the command takes a positional argument (only bootstrap does). */
  protected boolean takesArgument() {
    return false;
  }

  /** Runs {@code step}; its failure becomes {@code failure + ": " + reason}. */
  static <T> T step(String failure, Step<T> step) throws AclException {
    try {
      return step.run();
    } catch (ApiException | AclException e) {
      throw new AclException(failure + ": " + e.getMessage());
    }
  }

  /** Declares how a command names one object: {@code -accessor-id} and {@code -id} for tokens, else {@code -id}. */
  static void declareId(FlagSet flags, AclKind kind, String use) {
    if (kind == AclKind.TOKEN) {
      flags.value("accessor-id", "<string>", "The Accessor ID of the token to " + use + ". It may be specified as a "
          + "unique ID prefix but will error if the prefix matches multiple token Accessor IDs.");
      flags.value("id", "<string>", "The same as -accessor-id (Consul's older name).");
    } else {
      flags.value("id", "<string>", "The ID of the " + kind.noun + " to " + use + ". It may be specified as a "
          + "unique ID prefix but will error if the prefix matches multiple " + kind.noun + " IDs.");
    }
  }

  /** The ID the command line gives ({@code -accessor-id} winning over {@code -id}), or empty. */
  static String givenId(ParsedFlags flags) {
    return flags.last("accessor-id").filter(id -> !id.isEmpty()).orElse(flags.string("id", ""));
  }

  /** Consul's message when a token command lacks its ID flag. */
  static String missingTokenId() {
    return "Must specify the -accessor-id parameter";
  }

  /** Prints a formatted object or list with the newline Consul's UI adds. */
  static int print(Console console, String text) {
    console.out().println(text);
    return 0;
  }
}
