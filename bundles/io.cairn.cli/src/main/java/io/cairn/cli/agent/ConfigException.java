package io.cairn.cli.agent;

/** Agent settings that cannot be used; the message names the flag, file or field at fault and what is accepted. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
