package io.cairn.cli.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.cairn.cli.PrivateFiles;

/**
 * Writes the PEM files of {@code cairn tls}: never over an existing file, and private keys readable by their
 * owner only where the file system has POSIX permissions.
 */
final class PemOutput {
  private PemOutput() {}

  /** Whether neither file exists: Consul's test before it picks or writes a pair of names. */
  static boolean free(Path certificate, Path key) {
    return !Files.exists(certificate) && !Files.exists(key);
  }

  static void writeCertificate(Path file, String pem) throws IOException {
    Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
  }

  static void writeKey(Path file, String pem) throws IOException {
    PrivateFiles.create(file);
    Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
  }
}
