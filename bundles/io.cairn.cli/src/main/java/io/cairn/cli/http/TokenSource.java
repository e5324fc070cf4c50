package io.cairn.cli.http;

import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which ACL token a client command sends, in the order Consul's CLI uses since 1.14: {@code -token}, then the file
 * named by {@code -token-file}, then {@code CAIRN_HTTP_TOKEN} / {@code CONSUL_HTTP_TOKEN}, then the file named by
 * {@code CAIRN_HTTP_TOKEN_FILE} / {@code CONSUL_HTTP_TOKEN_FILE}. A token file's content is trimmed; an empty one
 * counts as not given. The one place every HTTP command (blocking ones included) gets its token from.
 */
public final class TokenSource {
  private static final List<String> TOKEN_VARIABLES = List.of("CAIRN_HTTP_TOKEN", "CONSUL_HTTP_TOKEN");
  private static final List<String> FILE_VARIABLES = List.of("CAIRN_HTTP_TOKEN_FILE", "CONSUL_HTTP_TOKEN_FILE");

  private TokenSource() {}

  /** Declares {@code -token} and {@code -token-file}. */
  public static void declare(FlagSet flags) {
    flags.value("token", "<value>", "ACL token to use in the request. Defaults to CAIRN_HTTP_TOKEN, then "
        + "CONSUL_HTTP_TOKEN.");
    flags.value("token-file", "<path>", "File containing the ACL token to use in the request, used when -token is "
        + "not given and before the token variables. Defaults to CAIRN_HTTP_TOKEN_FILE, then "
        + "CONSUL_HTTP_TOKEN_FILE.");
  }

  /** The token of a command line declared with {@link #declare}; empty for none. */
  public static String resolve(ParsedFlags flags, Map<String, String> env) throws TokenFileException {
    return resolve(flags.last("token"), flags.last("token-file"), env);
  }

  /**
   * The token from an explicit value (which wins even when empty), a token file, or the environment; empty for
   * none.
   */
  public static String resolve(Optional<String> token, Optional<String> tokenFile, Map<String, String> env)
      throws TokenFileException {
    if (token.isPresent()) {
      return token.get();
    }
    if (tokenFile.isPresent() && !tokenFile.get().isEmpty()) {
      String fromFile = read(tokenFile.get());
      if (!fromFile.isEmpty()) {
        return fromFile;
      }
    }
    String fromEnv = firstSet(env, TOKEN_VARIABLES);
    if (!fromEnv.isEmpty()) {
      return fromEnv;
    }
    String file = firstSet(env, FILE_VARIABLES);
    return file.isEmpty() ? "" : read(file);
  }

  private static String firstSet(Map<String, String> env, List<String> names) {
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return "";
  }

  private static String read(String file) throws TokenFileException {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      throw new TokenFileException(file, "open " + file + ": no such file or directory");
    } catch (IOException | RuntimeException e) {
      throw new TokenFileException(file, String.valueOf(e.getMessage()));
    }
  }

  /** A token file that could not be read; the message reads like Consul's. */
  public static final class TokenFileException extends Exception {
    private static final long serialVersionUID = 1L;

    TokenFileException(String file, String reason) {
      super("Error loading token file " + file + ": " + reason);
    }
  }
}
