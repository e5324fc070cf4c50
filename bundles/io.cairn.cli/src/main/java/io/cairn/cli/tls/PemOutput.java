package io.cairn.cli.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

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
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      // a file system without POSIX permissions (Windows): the directory's access rules apply, as for Consul's
      Files.createFile(file);
    }
    Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
  }
}
