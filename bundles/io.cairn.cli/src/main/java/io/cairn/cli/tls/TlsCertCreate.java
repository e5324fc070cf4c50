package io.cairn.cli.tls;

import io.cairn.cli.Command;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.HelpRequested;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * {@code cairn tls cert create}: a server, client or CLI certificate signed by the CA of
 * {@code cairn tls ca create}, saved as {@code <dc>-<role>-<domain>-<n>.pem} and {@code ...-<n>-key.pem} with the
 * first {@code n} whose two files do not exist yet, as Consul's command does. A server certificate names
 * {@code server.<dc>.<domain>} and a client one {@code client.<dc>.<domain>}; both also name {@code localhost} and
 * {@code 127.0.0.1} and may be used by either side of a connection. A CLI certificate names
 * {@code cli.<dc>.<domain>} and {@code localhost}.
 */
public final class TlsCertCreate implements Command {
  static final int DEFAULT_DAYS = 365;
  /** Consul gives up looking for a free file name after this many. */
  private static final int MAX_INDEX = 10_000;
  /** 127.0.0.1 whatever the JVM's address family preference. */
  private static final InetAddress LOOPBACK = loopback();
  private static final String DOMAIN_PLACEHOLDER = "#DOMAIN#";
  private static final String SERVER_WARNING = """
      ==> WARNING: Server Certificates grants authority to become a
          server and access all state in the cluster including root keys
          and all ACL tokens. Do not distribute them to production hosts
          that are not server nodes. Store them as securely as CA keys.""";

  private final Path dir;
  /** Bouncy Castle loads only when the command runs: other commands start without it. */
  private final SecureRandom random;
  private final Clock clock;

  public TlsCertCreate() {
    this(Path.of(""));
  }

  /** Writes into {@code dir}, and reads relative paths there, instead of the working directory. */
  public TlsCertCreate(Path dir) {
    this(dir, new SecureRandom(), Clock.systemUTC());
  }

  TlsCertCreate(Path dir, SecureRandom random, Clock clock) {
    this.dir = dir;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public String synopsis() {
    return "Create a new certificate";
  }

  @Override
  public int run(List<String> args, Console console) {
    FlagSet flags = new FlagSet()
        .value("ca", "<string>", "Provide path to the ca. Defaults to #DOMAIN#-agent-ca.pem.")
        .value("key", "<string>", "Provide path to the key. Defaults to #DOMAIN#-agent-ca-key.pem.")
        .bool("server", "Generate server certificate.")
        .bool("client", "Generate client certificate.")
        .bool("cli", "Generate cli certificate.")
        .value("node", "<string>", "When generating a server cert and this is set an additional dns name is "
            + "included of the form <node>.server.<datacenter>.<domain>.")
        .value("days", "<int>", "Provide number of days the certificate is valid for from now on. Defaults to 1 "
            + "year.")
        .value("dc", "<string>", "Provide the datacenter. Matters only for -server certificates. Defaults to dc1.")
        .value("domain", "<string>", "Provide the domain. Matters only for -server certificates.")
        .value("additional-dnsname", "<value>", "Provide an additional dnsname for Subject Alternative Names. "
            + "localhost is always included. This flag may be provided multiple times.")
        .value("additional-ipaddress", "<value>", "Provide an additional ipaddress for Subject Alternative Names. "
            + "127.0.0.1 is always included. This flag may be provided multiple times.");
    ParsedFlags parsed;
    int days;
    try {
      parsed = flags.parse(args);
      days = days(parsed, DEFAULT_DAYS);
    } catch (HelpRequested e) {
      console.err().print(usage() + "\nOptions:\n\n" + flags.describe());
      return 0;
    } catch (UsageException e) {
      console.err().println("Failed to parse args: " + e.getMessage());
      return 1;
    }
    String ca = parsed.string("ca", DOMAIN_PLACEHOLDER + "-agent-ca.pem");
    String key = parsed.string("key", DOMAIN_PLACEHOLDER + "-agent-ca-key.pem");
    if (ca.isEmpty()) {
      console.err().println("Please provide the ca");
      return 1;
    }
    if (key.isEmpty()) {
      console.err().println("Please provide the key");
      return 1;
    }
    boolean server = parsed.bool("server");
    boolean client = parsed.bool("client");
    boolean cli = parsed.bool("cli");
    if ((server ? 1 : 0) + (client ? 1 : 0) + (cli ? 1 : 0) != 1) {
      console.err().println("Please provide either -server, -client, or -cli");
      return 1;
    }
    String node = parsed.string("node", "");
    if (!node.isEmpty() && !server) {
      console.err().println("-node requires -server");
      return 1;
    }
    String dc = parsed.string("dc", "dc1");
    String domain = parsed.string("domain", "consul");

    List<String> dnsNames = new ArrayList<>();
    List<InetAddress> ipAddresses = new ArrayList<>();
    try {
      for (String name : parsed.all("additional-dnsname")) {
        if (!name.isEmpty()) {
          dnsNames.add(name.trim());
        }
      }
      for (String address : parsed.all("additional-ipaddress")) {
        if (!address.isEmpty()) {
          ipAddresses.add(ipLiteral(address.trim()));
        }
      }
    } catch (UsageException e) {
      console.err().println(e.getMessage());
      return 1;
    }
    String role = server ? "server" : client ? "client" : "cli";
    String name = role + "." + dc + "." + domain;
    List<KeyPurposeId> purposes = List.of();
    if (server && !node.isEmpty()) {
      dnsNames.add(node + "." + name);
    }
    if (cli) {
      dnsNames = new ArrayList<>(List.of(name, "localhost"));
      ipAddresses = List.of();
    } else {
      dnsNames.add(name);
      dnsNames.add("localhost");
      ipAddresses.add(LOOPBACK);
      purposes = server ? List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth)
          : List.of(KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth);
    }

    String prefix = dc + "-" + role + "-" + domain;
    Path certFile = null;
    Path keyFile = null;
    for (int i = 0; i <= MAX_INDEX && certFile == null; i++) {
      Path cert = dir.resolve(prefix + "-" + i + ".pem");
      Path pk = dir.resolve(prefix + "-" + i + "-key.pem");
      if (PemOutput.free(cert, pk)) {
        certFile = cert;
        keyFile = pk;
      }
    }
    if (certFile == null) {
      console.err().println("Could not find a filename that doesn't already exist");
      return 1;
    }

    String caFile = ca.replaceFirst(DOMAIN_PLACEHOLDER, domain);
    String caKeyFile = key.replaceFirst(DOMAIN_PLACEHOLDER, domain);
    Certificates.Authority authority;
    try {
      X509Certificate caCertificate = Certificates.readCertificate(read(caFile, "Error reading CA"));
      String caKey = read(caKeyFile, "Error reading CA key");
      if (server) {
        console.out().println(SERVER_WARNING);
      }
      console.out().println("==> Using " + caFile + " and " + caKeyFile);
      authority = new Certificates.Authority(caCertificate, Certificates.readPrivateKey(caKey));
    } catch (IOException | GeneralSecurityException e) {
      console.err().println(e.getMessage());
      return 1;
    }
    try {
      Certificates certificates = new Certificates(random);
      KeyPair keys = certificates.newKeyPair();
      X509Certificate certificate = certificates.leaf(authority, keys.getPublic(), name, days, dnsNames,
          ipAddresses, purposes, clock.instant());
      PemOutput.writeCertificate(certFile, Certificates.pem(certificate));
      console.out().println("==> Saved " + certFile.getFileName());
      PemOutput.writeKey(keyFile, Certificates.pem(keys));
      console.out().println("==> Saved " + keyFile.getFileName());
      return 0;
    } catch (GeneralSecurityException e) {
      console.err().println("the certificate does not verify with the CA " + caFile + " (is " + caKeyFile
          + " its key?): " + e.getMessage());
      return 1;
    } catch (IOException e) {
      console.err().println(e.getMessage());
      return 1;
    }
  }

  /** {@code -days}: a positive number of days. */
  static int days(ParsedFlags flags, int fallback) throws UsageException {
    long days = flags.unsigned("days", fallback);
    if (days < 1 || days > Integer.MAX_VALUE) {
      throw new UsageException("invalid value \"" + days + "\" for flag -days: expected a positive number of days");
    }
    return (int) days;
  }

  private String read(String file, String what) throws IOException {
    try {
      return Files.readString(dir.resolve(file), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IOException(what + ": open " + file + ": " + (e instanceof NoSuchFileException
          ? "no such file or directory" : e.getMessage()), e);
    }
  }

  private static InetAddress ipLiteral(String text) throws UsageException {
    if (!text.matches("[0-9a-fA-F:.]+") || !(text.contains(".") || text.contains(":"))) {
      throw new UsageException("-additional-ipaddress " + text + " is not an IP address");
    }
    try {
      return InetAddress.getByName(text); // a literal: parsed, never looked up
    } catch (UnknownHostException e) {
      throw new UsageException("-additional-ipaddress " + text + " is not an IP address");
    }
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are an IPv4 address", e);
    }
  }

  private static String usage() {
    return "Usage: cairn tls cert create [options]\n\n"
        + "  Create a new certificate\n\n"
        + "  $ cairn tls cert create -server\n"
        + SERVER_WARNING.indent(2)
        + "  ==> Using consul-agent-ca.pem and consul-agent-ca-key.pem\n"
        + "  ==> Saved dc1-server-consul-0.pem\n"
        + "  ==> Saved dc1-server-consul-0-key.pem\n"
        + "  $ cairn tls cert create -client\n"
        + "  ==> Using consul-agent-ca.pem and consul-agent-ca-key.pem\n"
        + "  ==> Saved dc1-client-consul-0.pem\n"
        + "  ==> Saved dc1-client-consul-0-key.pem\n";
  }
}
