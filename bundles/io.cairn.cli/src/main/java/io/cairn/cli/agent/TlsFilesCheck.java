package io.cairn.cli.agent;

import io.cairn.cli.tls.Certificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Reads the HTTPS listener's certificate, key and CA before Karaf starts, so that a wrong path or a file that is
 * not PEM stops {@code cairn agent} with the file's name instead of leaving the agent without its HTTPS API.
 */
final class TlsFilesCheck {
  private TlsFilesCheck() {}

  static void verify(AgentPlan plan) throws ConfigException {
    if (plan.httpsPort() == Setting.OFF) {
      return;
    }
    HttpsTls tls = plan.tls();
    try {
      Certificates.readCertificate(read(tls.certFile(), "cert_file"));
    } catch (GeneralSecurityException e) {
      throw new ConfigException("cert_file " + tls.certFile() + ": " + e.getMessage());
    }
    try {
      Certificates.readPrivateKey(read(tls.keyFile(), "key_file"));
    } catch (GeneralSecurityException e) {
      throw new ConfigException("key_file " + tls.keyFile() + ": " + e.getMessage());
    }
    if (tls.caFile() != null) {
      try {
        Certificates.readCertificate(read(tls.caFile(), "ca_file"));
      } catch (GeneralSecurityException e) {
        throw new ConfigException("ca_file " + tls.caFile() + ": " + e.getMessage());
      }
    }
    if (tls.caPath() != null && !Files.isDirectory(tls.caPath())) {
      throw new ConfigException("ca_path " + tls.caPath() + ": no such directory");
    }
  }

  private static String read(Path file, String setting) throws ConfigException {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new ConfigException(setting + " " + file + ": cannot read it (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + ")");
    }
  }
}
