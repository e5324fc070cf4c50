package io.cairn.cli.flags;

/** {@code -h}, {@code -help} or {@code --help} was given: print the usage and exit 0. */
public final class HelpRequested extends Exception {
  private static final long serialVersionUID = 1L;

  public HelpRequested() {
    super("help requested", null, false, false);
  }
}
