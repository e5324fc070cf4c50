package io.cairn.cli.tls;

import io.cairn.cli.Command;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.HelpRequested;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cairn tls ca create}: a new CA for the agents' TLS, saved as {@code <domain>-agent-ca.pem} and
 * {@code <domain>-agent-ca-key.pem} in the working directory, as Consul's command does. Refuses to replace
 * either file.
 */
public final class TlsCaCreate implements Command {
  static final int DEFAULT_DAYS = 1825;
  static final String DEFAULT_COMMON_NAME = "Consul Agent CA";

  private final Path dir;
  /** Bouncy Castle loads only when the command runs: other commands start without it. */
  private final SecureRandom random;
  private final Clock clock;

  public TlsCaCreate() {
    this(Path.of(""));
  }

  /** Writes into {@code dir}, and reads relative paths there, instead of the working directory. */
  public TlsCaCreate(Path dir) {
    this(dir, new SecureRandom(), Clock.systemUTC());
  }

  TlsCaCreate(Path dir, SecureRandom random, Clock clock) {
    this.dir = dir;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public String synopsis() {
    return "Create a new consul CA";
  }

  @Override
  public int run(List<String> args, Console console) {
    FlagSet flags = new FlagSet()
        .value("days", "<int>", "Provide number of days the CA is valid for from now on. Defaults to 5 years.")
        .value("domain", "<string>", "Domain of consul cluster. Only used in combination with -name-constraint. "
            + "Defaults to consul.")
        .bool("name-constraint", "Add name constraints for the CA. Results in rejecting certificates for other "
            + "DNS than specified. If turned on localhost and -domain will be added to the allowed DNS. Defaults "
            + "to false.")
        .value("additional-name-constraint", "<value>", "Add name constraints for the CA. Can be used multiple "
            + "times. Only used in combination with -name-constraint.")
        .value("common-name", "<string>", "Common Name of CA. Defaults to " + DEFAULT_COMMON_NAME + ".");
    ParsedFlags parsed;
    int days;
    try {
      parsed = flags.parse(args);
      days = TlsCertCreate.days(parsed, DEFAULT_DAYS);
    } catch (HelpRequested e) {
      console.err().print(usage() + "\nOptions:\n\n" + flags.describe());
      return 0;
    } catch (UsageException e) {
      console.err().println("Failed to parse args: " + e.getMessage());
      return 1;
    }
    String domain = parsed.string("domain", "consul");
    Path certFile = dir.resolve(domain + "-agent-ca.pem");
    Path keyFile = dir.resolve(domain + "-agent-ca-key.pem");
    for (Path file : List.of(certFile, keyFile)) {
      if (Files.exists(file)) {
        console.err().println(file.getFileName() + " already exists.");
        return 1;
      }
    }
    List<String> constraints = new ArrayList<>();
    if (parsed.bool("name-constraint")) {
      constraints.addAll(parsed.all("additional-name-constraint"));
      constraints.add(domain);
      constraints.add("localhost");
    }
    try {
      Certificates certificates = new Certificates(random);
      KeyPair keys = certificates.newKeyPair();
      X509Certificate ca = certificates.authority(keys, parsed.string("common-name", DEFAULT_COMMON_NAME), days,
          constraints, clock.instant());
      PemOutput.writeCertificate(certFile, Certificates.pem(ca));
      console.out().println("==> Saved " + certFile.getFileName());
      PemOutput.writeKey(keyFile, Certificates.pem(keys));
      console.out().println("==> Saved " + keyFile.getFileName());
      return 0;
    } catch (GeneralSecurityException | IOException e) {
      console.err().println(e.getMessage());
      return 1;
    }
  }

  private static String usage() {
    return "Usage: cairn tls ca create [options]\n\n"
        + "  Create a new consul CA:\n\n"
        + "  $ cairn tls ca create\n"
        + "  ==> Saved consul-agent-ca.pem\n"
        + "  ==> Saved consul-agent-ca-key.pem\n";
  }
}
