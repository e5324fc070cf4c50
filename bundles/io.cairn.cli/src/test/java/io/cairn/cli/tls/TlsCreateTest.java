package io.cairn.cli.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.Console;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn tls ca create} and {@code cairn tls cert create}: the files they write, parsed back with the JDK
 * alone, and Consul's console output and refusals.
 */
class TlsCreateTest {
  private static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");
  /** Key usage bits as X509Certificate#getKeyUsage lists them. */
  private static final int DIGITAL_SIGNATURE = 0;
  private static final int KEY_ENCIPHERMENT = 2;
  private static final int KEY_AGREEMENT = 4;
  private static final int KEY_CERT_SIGN = 5;
  private static final int CRL_SIGN = 6;
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Console console = new Console(new ByteArrayInputStream(new byte[0]),
      new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
      Map.of());
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  private int ca(String... args) {
    return new TlsCaCreate(dir, new SecureRandom(), clock).run(List.of(args), console);
  }

  private int cert(String... args) {
    return new TlsCertCreate(dir, new SecureRandom(), clock).run(List.of(args), console);
  }

  private String output() {
    String text = out.toString(StandardCharsets.UTF_8);
    out.reset();
    return text;
  }

  private X509Certificate certificate(String file) throws Exception {
    try (InputStream in = Files.newInputStream(dir.resolve(file))) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  @Test
  void theCaIsASelfSignedP256AuthorityForFiveYears() throws Exception {
    assertEquals(0, ca());
    assertEquals("==> Saved consul-agent-ca.pem\n==> Saved consul-agent-ca-key.pem\n", output());
    X509Certificate ca = certificate("consul-agent-ca.pem");
    ca.verify(ca.getPublicKey());
    assertEquals(ca.getSubjectX500Principal(), ca.getIssuerX500Principal());
    assertTrue(ca.getSubjectX500Principal().getName().contains("CN=Consul Agent CA " + ca.getSerialNumber()),
        ca.getSubjectX500Principal().getName());
    assertTrue(ca.getSubjectX500Principal().getName().contains("O=HashiCorp Inc."));
    assertEquals(Integer.MAX_VALUE, ca.getBasicConstraints());
    assertTrue(ca.getCriticalExtensionOIDs().contains("2.5.29.19"));
    boolean[] usage = ca.getKeyUsage();
    assertTrue(usage[KEY_CERT_SIGN] && usage[CRL_SIGN] && usage[DIGITAL_SIGNATURE]);
    assertEquals(Date.from(NOW), ca.getNotBefore());
    assertEquals(Date.from(NOW.plus(Duration.ofDays(1825))), ca.getNotAfter());
    assertEquals("secp256r1", curve(ca));
    assertNull(ca.getExtensionValue("2.5.29.30"), "no name constraints unless asked for");
    String key = Files.readString(dir.resolve("consul-agent-ca-key.pem"));
    assertTrue(key.startsWith("-----BEGIN EC PRIVATE KEY-----"), key);
    assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(dir.resolve("consul-agent-ca-key.pem")));
  }

  @Test
  void theCaRefusesToReplaceItsFilesAndTakesItsNamesFromTheDomain() throws Exception {
    assertEquals(0, ca("-domain", "cairn", "-days", "10", "-common-name", "Test CA"));
    assertEquals("==> Saved cairn-agent-ca.pem\n==> Saved cairn-agent-ca-key.pem\n", output());
    X509Certificate ca = certificate("cairn-agent-ca.pem");
    assertEquals(Date.from(NOW.plus(Duration.ofDays(10))), ca.getNotAfter());
    assertTrue(ca.getSubjectX500Principal().getName().contains("CN=Test CA "));
    byte[] before = Files.readAllBytes(dir.resolve("cairn-agent-ca.pem"));

    assertEquals(1, ca("-domain", "cairn"));
    assertEquals("cairn-agent-ca.pem already exists.\n", err.toString(StandardCharsets.UTF_8));
    assertArrayEquals(before, Files.readAllBytes(dir.resolve("cairn-agent-ca.pem")));
  }

  @Test
  void nameConstraintsLimitTheCaToTheDomainLocalhostAndTheAdditionalNames() throws Exception {
    assertEquals(0, ca("-name-constraint", "-additional-name-constraint", "example.com"));
    output();
    X509Certificate ca = certificate("consul-agent-ca.pem");
    assertTrue(ca.getCriticalExtensionOIDs().contains("2.5.29.30"));
    // The JDK validates name constraints but cannot show them: Bouncy Castle reads the extension.
    NameConstraints constraints = NameConstraints.getInstance(
        ASN1OctetString.getInstance(ca.getExtensionValue("2.5.29.30")).getOctets());
    assertEquals(List.of("example.com", "consul", "localhost"), Arrays.stream(constraints.getPermittedSubtrees())
        .map(subtree -> subtree.getBase().getName().toString()).toList());
    assertNull(constraints.getExcludedSubtrees());
    assertEquals(0, cert("-server"));
    assertValidates(ca, certificate("dc1-server-consul-0.pem"));
  }

  @Test
  void serverCertificatesNameTheServerLocalhostAndLoopbackForBothSides() throws Exception {
    ca();
    output();
    assertEquals(0, cert("-server", "-dc", "east", "-node", "n1", "-additional-dnsname", "api.example.com",
        "-additional-ipaddress", "10.0.0.7"));
    assertEquals("""
        ==> WARNING: Server Certificates grants authority to become a
            server and access all state in the cluster including root keys
            and all ACL tokens. Do not distribute them to production hosts
            that are not server nodes. Store them as securely as CA keys.
        ==> Using consul-agent-ca.pem and consul-agent-ca-key.pem
        ==> Saved east-server-consul-0.pem
        ==> Saved east-server-consul-0-key.pem
        """, output());
    X509Certificate ca = certificate("consul-agent-ca.pem");
    X509Certificate server = certificate("east-server-consul-0.pem");
    server.verify(ca.getPublicKey());
    assertEquals(ca.getSubjectX500Principal(), server.getIssuerX500Principal());
    assertEquals("CN=server.east.consul", server.getSubjectX500Principal().getName());
    assertEquals(List.of(List.of(2, "api.example.com"), List.of(2, "n1.server.east.consul"),
        List.of(2, "server.east.consul"), List.of(2, "localhost"), List.of(7, "10.0.0.7"), List.of(7, "127.0.0.1")),
        List.copyOf(server.getSubjectAlternativeNames()));
    assertEquals(List.of(SERVER_AUTH, CLIENT_AUTH), server.getExtendedKeyUsage());
    boolean[] usage = server.getKeyUsage();
    assertTrue(usage[DIGITAL_SIGNATURE] && usage[KEY_ENCIPHERMENT] && usage[KEY_AGREEMENT]);
    assertFalse(usage[KEY_CERT_SIGN]);
    assertEquals(-1, server.getBasicConstraints());
    assertEquals(Date.from(NOW), server.getNotBefore());
    assertEquals(Date.from(NOW.plus(Duration.ofDays(365))), server.getNotAfter());
    assertEquals("secp256r1", curve(server));
    assertValidates(ca, server);
  }

  @Test
  void clientAndCliCertificatesAndConsulsNumbering() throws Exception {
    ca();
    output();
    assertEquals(0, cert("-client"));
    assertEquals("==> Using consul-agent-ca.pem and consul-agent-ca-key.pem\n==> Saved dc1-client-consul-0.pem\n"
        + "==> Saved dc1-client-consul-0-key.pem\n", output());
    X509Certificate client = certificate("dc1-client-consul-0.pem");
    assertEquals("CN=client.dc1.consul", client.getSubjectX500Principal().getName());
    assertEquals(List.of(List.of(2, "client.dc1.consul"), List.of(2, "localhost"), List.of(7, "127.0.0.1")),
        List.copyOf(client.getSubjectAlternativeNames()));
    assertEquals(List.of(CLIENT_AUTH, SERVER_AUTH), client.getExtendedKeyUsage());

    assertEquals(0, cert("-client", "-days", "30"));
    assertTrue(output().endsWith("==> Saved dc1-client-consul-1.pem\n==> Saved dc1-client-consul-1-key.pem\n"));
    assertEquals(Date.from(NOW.plus(Duration.ofDays(30))), certificate("dc1-client-consul-1.pem").getNotAfter());
    // A number is taken when either of its two files exists.
    Files.writeString(dir.resolve("dc1-cli-consul-0-key.pem"), "someone else's");
    assertEquals(0, cert("-cli"));
    assertTrue(output().endsWith("==> Saved dc1-cli-consul-1.pem\n==> Saved dc1-cli-consul-1-key.pem\n"));
    X509Certificate cli = certificate("dc1-cli-consul-1.pem");
    assertEquals(List.of(List.of(2, "cli.dc1.consul"), List.of(2, "localhost")),
        List.copyOf(cli.getSubjectAlternativeNames()));
    assertNull(cli.getExtendedKeyUsage());
    assertValidates(certificate("consul-agent-ca.pem"), cli);
  }

  @Test
  void refusalsUseConsulsWords() throws Exception {
    assertEquals(1, cert());
    assertEquals("Please provide either -server, -client, or -cli\n", errors());
    assertEquals(1, cert("-server", "-client"));
    assertEquals("Please provide either -server, -client, or -cli\n", errors());
    assertEquals(1, cert("-client", "-node", "n1"));
    assertEquals("-node requires -server\n", errors());
    assertEquals(1, cert("-server"));
    assertEquals("Error reading CA: open consul-agent-ca.pem: no such file or directory\n", errors());
    assertEquals(1, cert("-server", "-ca", ""));
    assertEquals("Please provide the ca\n", errors());
    ca();
    assertEquals(1, cert("-server", "-additional-ipaddress", "not-an-ip"));
    assertEquals("-additional-ipaddress not-an-ip is not an IP address\n", errors());
    assertEquals(1, cert("-client", "-days", "0"));
    assertTrue(errors().startsWith("Failed to parse args: invalid value \"0\" for flag -days"));
    // Another CA's key does not sign for this CA.
    Path other = Files.createDirectory(dir.resolve("other"));
    new TlsCaCreate(other, new SecureRandom(), clock).run(List.of(), console);
    assertEquals(1, cert("-client", "-key", "other/consul-agent-ca-key.pem"));
    assertTrue(errors().startsWith("the certificate does not verify with the CA consul-agent-ca.pem"));
    assertFalse(Files.exists(dir.resolve("dc1-client-consul-0.pem")));
  }

  private String errors() {
    String text = err.toString(StandardCharsets.UTF_8);
    err.reset();
    return text;
  }

  private static String curve(X509Certificate certificate) {
    String params = ((ECPublicKey) certificate.getPublicKey()).getParams().toString();
    return params.contains("secp256r1") || params.contains("P-256") ? "secp256r1" : params;
  }

  private static void assertValidates(X509Certificate ca, X509Certificate leaf) throws Exception {
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
    parameters.setRevocationEnabled(false);
    parameters.setDate(Date.from(NOW.plus(Duration.ofDays(1))));
    CertPathValidator.getInstance("PKIX").validate(
        CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), parameters);
  }
}
