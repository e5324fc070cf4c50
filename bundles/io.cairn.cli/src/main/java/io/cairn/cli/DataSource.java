package io.cairn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a data argument the Consul way ({@code kv put} values, {@code kv import} data, {@code acl policy -rules}):
 * {@code @file} reads the file, a lone {@code -} reads stdin, anything else is the data itself.
 */
public final class DataSource {
  private DataSource() {}

  /** Returns the bytes the argument stands for; other text (including "-x") is taken literally. */
  public static byte[] read(String argument, InputStream stdin) throws DataSourceException {
    if (argument.startsWith("@")) {
      try {
        return Files.readAllBytes(Path.of(argument.substring(1)));
      } catch (IOException | RuntimeException e) {
        throw new DataSourceException("Failed to read file: " + describe(e));
      }
    }
    if (argument.equals("-")) {
      try {
        return stdin.readAllBytes();
      } catch (IOException e) {
        throw new DataSourceException("Failed to read stdin: " + describe(e));
      }
    }
    return argument.getBytes(StandardCharsets.UTF_8);
  }

  private static String describe(Exception e) {
    return e instanceof NoSuchFileException ? "open " + e.getMessage() + ": no such file or directory"
        : String.valueOf(e.getMessage());
  }

  /** The data argument could not be read. */
  public static final class DataSourceException extends Exception {
    private static final long serialVersionUID = 1L;

    DataSourceException(String message) {
      super(message);
    }
  }
}
