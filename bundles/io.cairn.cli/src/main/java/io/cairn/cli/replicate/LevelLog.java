package io.cairn.cli.replicate;

import io.cairn.cli.flags.UsageException;
import io.cairn.replicate.ReplicateLog;
import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The replicator's log on stderr as consul-replicate prints it ({@code <timestamp> [LEVEL] message}), showing the
 * messages at {@code -log-level} and above.
 */
final class LevelLog implements ReplicateLog {
  private static final List<String> LEVELS = List.of("debug", "info", "warn", "err");

  private final int threshold;
  private final PrintStream err;

  private LevelLog(int threshold, PrintStream err) {
    this.threshold = threshold;
    this.err = err;
  }

  static LevelLog parse(String level, PrintStream err) throws UsageException {
    int threshold = LEVELS.indexOf(level.toLowerCase());
    if (threshold < 0) {
      throw new UsageException("invalid -log-level \"" + level + "\": expected debug, info, warn or err");
    }
    return new LevelLog(threshold, err);
  }

  @Override
  public void debug(String message) {
    print(0, "DEBUG", message);
  }

  @Override
  public void info(String message) {
    print(1, "INFO", message);
  }

  @Override
  public void warn(String message) {
    print(2, "WARN", message);
  }

  @Override
  public void error(String message) {
    print(3, "ERR", message);
  }

  private void print(int level, String name, String message) {
    if (level >= threshold) {
      err.println(OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " [" + name + "] " + message);
    }
  }
}
