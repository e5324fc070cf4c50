package io.cairn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files only their owner may read: private keys, the agent's secrets. */
public final class PrivateFiles {
  private PrivateFiles() {}

  /**
   * Creates {@code file}, which must not exist, readable and writable by its owner only where the file system has
   * POSIX permissions; elsewhere (Windows) the directory's access rules apply, as for Consul's files.
   */
  public static void create(Path file) throws IOException {
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
  }
}
