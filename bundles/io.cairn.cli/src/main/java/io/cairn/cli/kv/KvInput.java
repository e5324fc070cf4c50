package io.cairn.cli.kv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a data argument the Consul way: {@code @file} reads the file, a lone {@code -} reads stdin. */
final class KvInput {
  private KvInput() {}

  /** Returns the bytes the argument stands for; other text (including "-x") is taken literally. */
  static byte[] read(String argument, InputStream stdin) throws KvInputException {
    if (argument.startsWith("@")) {
      try {
        return Files.readAllBytes(Path.of(argument.substring(1)));
      } catch (IOException | RuntimeException e) {
        throw new KvInputException("Failed to read file: " + describe(e));
      }
    }
    if (argument.equals("-")) {
      try {
        return stdin.readAllBytes();
      } catch (IOException e) {
        throw new KvInputException("Failed to read stdin: " + describe(e));
      }
    }
    return argument.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String describe(Exception e) {
    return e instanceof java.nio.file.NoSuchFileException ? "open " + e.getMessage() + ": no such file or directory"
        : String.valueOf(e.getMessage());
  }

  /** The data argument could not be read. */
  static final class KvInputException extends Exception {
    private static final long serialVersionUID = 1L;

    KvInputException(String message) {
      super(message);
    }
  }
}
