package io.cairn.cli.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * The certificates {@code cairn tls} creates, as Consul's {@code tls} commands make them: ECDSA P-256 keys,
 * random 128-bit serial numbers, a self-signed CA allowed to sign certificates (optionally limited to DNS names
 * under given domains), and leaf certificates carrying their names as Subject Alternative Names. Keys are written
 * as PEM {@code EC PRIVATE KEY}, certificates as PEM {@code CERTIFICATE}. Signing and key handling use the JDK's
 * providers; Bouncy Castle only builds and encodes the ASN.1.
 */
public final class Certificates {
  /** What Consul writes into the subject of its CA, apart from the common name. */
  private static final String[][] CA_SUBJECT = {{"C", "US"}, {"PostalCode", "94105"}, {"ST", "CA"},
      {"L", "San Francisco"}, {"STREET", "101 Second Street"}, {"O", "HashiCorp Inc."}};
  private static final int SERIAL_BITS = 128;

  private final SecureRandom random;

  public Certificates(SecureRandom random) {
    this.random = random;
  }

  /** A CA certificate and the key that signs with it. */
  public record Authority(X509Certificate certificate, PrivateKey key) {}

  /** A new ECDSA key pair on curve P-256. */
  public KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has EC keys on P-256", e);
    }
  }

  /**
   * A self-signed CA valid from {@code now} for {@code days}, named {@code <commonName> <serial>}.
   *
   * @param permittedDomains DNS name constraints (critical); empty for none
   */
  public X509Certificate authority(KeyPair keys, String commonName, int days, List<String> permittedDomains,
      Instant now) throws GeneralSecurityException {
    BigInteger serial = serial();
    X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
    for (String[] attribute : CA_SUBJECT) {
      subject.addRDN(BCStyle.INSTANCE.attrNameToOID(attribute[0]), attribute[1]);
    }
    subject.addRDN(BCStyle.CN, commonName + " " + serial);
    X500Name name = subject.build();
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial, Date.from(now),
        Date.from(now.plus(Duration.ofDays(days))), name, keys.getPublic());
    try {
      JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
      builder.addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(keys.getPublic()));
      builder.addExtension(Extension.authorityKeyIdentifier, false,
          ids.createAuthorityKeyIdentifier(keys.getPublic()));
      if (!permittedDomains.isEmpty()) {
        GeneralSubtree[] permitted = permittedDomains.stream()
            .map(domain -> new GeneralSubtree(new GeneralName(GeneralName.dNSName, domain)))
            .toArray(GeneralSubtree[]::new);
        builder.addExtension(Extension.nameConstraints, true, new NameConstraints(permitted, null));
      }
    } catch (CertIOException e) {
      throw new GeneralSecurityException("cannot encode the CA's extensions", e);
    }
    return sign(builder, keys.getPrivate());
  }

  /**
   * A certificate for {@code publicKey} named {@code commonName}, signed by {@code authority}, valid from
   * {@code now} for {@code days}.
   *
   * @param purposes extended key usages; empty for none (Consul's CLI certificates)
   */
  public X509Certificate leaf(Authority authority, PublicKey publicKey, String commonName, int days,
      List<String> dnsNames, List<InetAddress> ipAddresses, List<KeyPurposeId> purposes, Instant now)
      throws GeneralSecurityException {
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(authority.certificate(), serial(),
        Date.from(now), Date.from(now.plus(Duration.ofDays(days))), subject, publicKey);
    List<GeneralName> names = new ArrayList<>();
    dnsNames.forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
    ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip.getHostAddress())));
    try {
      JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.keyAgreement));
      if (!purposes.isEmpty()) {
        builder.addExtension(Extension.extendedKeyUsage, false,
            new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)));
      }
      if (!names.isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(names.toArray(GeneralName[]::new)));
      }
      builder.addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(publicKey));
      builder.addExtension(Extension.authorityKeyIdentifier, false,
          ids.createAuthorityKeyIdentifier(authority.certificate()));
    } catch (CertIOException e) {
      throw new GeneralSecurityException("cannot encode the certificate's extensions", e);
    }
    X509Certificate certificate = sign(builder, authority.key());
    certificate.verify(authority.certificate().getPublicKey());
    return certificate;
  }

  /** A certificate in PEM. */
  public static String pem(X509Certificate certificate) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(certificate);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a certificate", e);
    }
    return out.toString();
  }

  /**
   * The private key of an EC key pair in PEM, as SEC 1 {@code EC PRIVATE KEY} with its curve and public key, as
   * Go's {@code x509.MarshalECPrivateKey} writes it (the JDK's own encoding leaves the curve out).
   */
  public static String pem(KeyPair keys) {
    ECPrivateKey key = (ECPrivateKey) keys.getPrivate();
    ASN1Encodable curve = PrivateKeyInfo.getInstance(key.getEncoded()).getPrivateKeyAlgorithm().getParameters();
    SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
    StringWriter out = new StringWriter();
    try (PemWriter writer = new PemWriter(out)) {
      writer.writeObject(new PemObject("EC PRIVATE KEY", new org.bouncycastle.asn1.sec.ECPrivateKey(
          key.getParams().getOrder().bitLength(), key.getS(), publicKey.getPublicKeyData(), curve).getEncoded()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an EC private key", e);
    }
    return out.toString();
  }

  /** The first certificate of a PEM file. */
  public static X509Certificate readCertificate(String pem) throws GeneralSecurityException {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
        if (item instanceof X509CertificateHolder holder) {
          return new JcaX509CertificateConverter().getCertificate(holder);
        }
      }
    } catch (IOException e) {
      throw new GeneralSecurityException("not a PEM certificate: " + e.getMessage(), e);
    }
    throw new GeneralSecurityException("no PEM certificate found");
  }

  /** The private key of a PEM file: {@code EC PRIVATE KEY}, {@code RSA PRIVATE KEY} or {@code PRIVATE KEY}. */
  public static PrivateKey readPrivateKey(String pem) throws GeneralSecurityException {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
        PrivateKeyInfo info = item instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo()
            : item instanceof PrivateKeyInfo direct ? direct : null;
        if (info != null) {
          return KeyFactory.getInstance(keyAlgorithm(info))
              .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        }
      }
    } catch (IOException e) {
      throw new GeneralSecurityException("not a PEM private key: " + e.getMessage(), e);
    }
    throw new GeneralSecurityException("no PEM private key found");
  }

  private static String keyAlgorithm(PrivateKeyInfo info) throws GeneralSecurityException {
    ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
    if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      return "EC";
    }
    if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      return "RSA";
    }
    throw new GeneralSecurityException("unsupported private key algorithm " + algorithm
        + "; use an ECDSA or RSA key");
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws GeneralSecurityException {
    String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    try {
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder(algorithm).build(key)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot sign with the " + key.getAlgorithm() + " key", e);
    }
  }

  private BigInteger serial() {
    return new BigInteger(SERIAL_BITS, random);
  }
}
