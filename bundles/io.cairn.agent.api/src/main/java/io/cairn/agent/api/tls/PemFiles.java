package io.cairn.agent.api.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the agent's TLS PEM files with the JDK alone: certificates, and private keys in the three
 * forms Consul's and OpenSSL's tools write: {@code PRIVATE KEY} (PKCS#8), {@code EC PRIVATE KEY} (SEC 1, what
 * {@code consul tls cert create} and {@code cairn tls cert create} write) and {@code RSA PRIVATE KEY} (PKCS#1).
 * The last two are wrapped into PKCS#8, the one encoding the JDK's key factories take.
 */
final class PemFiles {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
  /** The content of RSA keys' AlgorithmIdentifier: rsaEncryption with NULL parameters. */
  private static final byte[] RSA_ALGORITHM = HexFormat.of().parseHex("06092a864886f70d0101010500");
  /** The OID id-ecPublicKey, to which an EC key's AlgorithmIdentifier adds its curve. */
  private static final byte[] EC_PUBLIC_KEY = HexFormat.of().parseHex("06072a8648ce3d0201");
  private static final int SEQUENCE = 0x30;
  private static final int OCTET_STRING = 0x04;
  private static final int INTEGER = 0x02;
  /** SEC 1's {@code [0] parameters}: the curve's OID. */
  private static final int EC_PARAMETERS = 0xa0;

  private PemFiles() {}

  /** Every certificate of the file; an error when there is none. */
  static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
    List<X509Certificate> certificates = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      CertificateFactory.getInstance("X.509").generateCertificates(in)
          .forEach(certificate -> certificates.add((X509Certificate) certificate));
    }
    if (certificates.isEmpty()) {
      throw new GeneralSecurityException("no PEM certificate found");
    }
    return certificates;
  }

  /** The file's first private key. */
  static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
    Matcher block = BLOCK.matcher(Files.readString(file, StandardCharsets.US_ASCII));
    while (block.find()) {
      String type = block.group(1);
      if (!type.endsWith("PRIVATE KEY")) {
        continue;
      }
      byte[] der;
      try {
        der = Base64.getMimeDecoder().decode(block.group(2).trim());
      } catch (IllegalArgumentException e) {
        throw new GeneralSecurityException("the " + type + " block is not valid base64");
      }
      return switch (type) {
        case "PRIVATE KEY" -> pkcs8(der);
        case "EC PRIVATE KEY" -> KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
            wrap(concat(EC_PUBLIC_KEY, curve(der)), der)));
        case "RSA PRIVATE KEY" -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
            wrap(RSA_ALGORITHM, der)));
        default -> throw new GeneralSecurityException("unsupported key type " + type
            + " (encrypted keys are not supported)");
      };
    }
    throw new GeneralSecurityException("no PEM private key found");
  }

  private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
    GeneralSecurityException last = null;
    for (String algorithm : List.of("EC", "RSA", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw new GeneralSecurityException("not an EC, RSA or Ed25519 private key", last);
  }

  /** PKCS#8's PrivateKeyInfo: version 0, the algorithm with its parameters, the key. */
  private static byte[] wrap(byte[] algorithmContent, byte[] key) {
    return tlv(SEQUENCE, concat(new byte[] {INTEGER, 1, 0}, tlv(SEQUENCE, algorithmContent),
        tlv(OCTET_STRING, key)));
  }

  /** The curve OID (tag, length and value) of an SEC 1 ECPrivateKey. */
  private static byte[] curve(byte[] sec1) throws GeneralSecurityException {
    Der outer = new Der(sec1, 0);
    if (outer.tag != SEQUENCE) {
      throw new GeneralSecurityException("the EC PRIVATE KEY is not a DER sequence");
    }
    for (int at = outer.start; at < outer.end; ) {
      Der field = new Der(sec1, at);
      if (field.tag == EC_PARAMETERS) {
        Der oid = new Der(sec1, field.start);
        return Arrays.copyOfRange(sec1, field.start, oid.end);
      }
      at = field.end;
    }
    throw new GeneralSecurityException("the EC PRIVATE KEY does not name its curve");
  }

  /** One DER element: its tag and where its content starts and ends. */
  private static final class Der {
    final int tag;
    final int start;
    final int end;

    Der(byte[] der, int at) throws GeneralSecurityException {
      if (at + 2 > der.length) {
        throw new GeneralSecurityException("truncated DER");
      }
      tag = der[at] & 0xff;
      int length = der[at + 1] & 0xff;
      int offset = at + 2;
      if (length > 0x80) {
        int bytes = length - 0x80;
        length = 0;
        for (int i = 0; i < bytes && offset < der.length; i++) {
          length = length << 8 | der[offset++] & 0xff;
        }
      }
      start = offset;
      end = offset + length;
      if (length < 0 || end > der.length) {
        throw new GeneralSecurityException("truncated DER");
      }
    }
  }

  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
