package io.cairn.cli.release;

/**
 * The release this CLI belongs to, in a package of its own so that the commands and the HTTP client can name it
 * without importing the entry point that imports them.
 */
public final class Release {
  /** The version number, e.g. {@code 0.1.0}: printed by {@code cairn version} and sent in the User-Agent. */
  public static final String VERSION = "0.1.0";

  private Release() {}
}
