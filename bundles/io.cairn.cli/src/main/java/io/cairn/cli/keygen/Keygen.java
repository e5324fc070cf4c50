package io.cairn.cli.keygen;

import io.cairn.cli.Command;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.HelpRequested;
import io.cairn.cli.flags.UsageException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * {@code cairn keygen}: prints a new gossip encryption key, {@value #KEY_BYTES} random bytes in standard base64,
 * in the form the agent's {@code encrypt} setting and {@code cairn keyring -install} take. Talks to no agent.
 */
public final class Keygen implements Command {
  /** AES-256: the only key size Cairn's gossip encryption accepts. */
  public static final int KEY_BYTES = 32;

  private final Random random;

  public Keygen() {
    this(new SecureRandom());
  }

  /** @param random the source of the key bytes; anything but a {@link SecureRandom} is for tests only */
  public Keygen(Random random) {
    this.random = random;
  }

  @Override
  public String synopsis() {
    return "Generates a new encryption key";
  }

  @Override
  public int run(List<String> args, Console console) {
    FlagSet flags = new FlagSet();
    try {
      if (!flags.parse(args).positional().isEmpty()) {
        throw new UsageException("The keygen command expects no arguments");
      }
    } catch (HelpRequested e) {
      console.err().print(usage());
      return 0;
    } catch (UsageException e) {
      console.err().println(e.getMessage() + "\n");
      console.err().print(usage());
      return 1;
    }
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    console.out().println(Base64.getEncoder().encodeToString(key));
    return 0;
  }

  private static String usage() {
    return "Usage: cairn keygen\n\n"
        + "  Generates a new gossip encryption key (" + KEY_BYTES + " random bytes, base64) for the agent's\n"
        + "  \"encrypt\" setting or \"cairn keyring -install\".\n";
  }
}
