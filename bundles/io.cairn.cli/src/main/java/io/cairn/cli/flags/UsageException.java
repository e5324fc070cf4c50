package io.cairn.cli.flags;

/** The command line was wrong; the message says how, and the caller prints the command's usage after it. */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
