package io.cairn.cli.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the agent writes its own log besides Karaf's {@code karaf.log}: Consul's {@code -log-json} for the console
 * and the file, and {@code -log-file} with its rotation. {@code directory} and {@code fileName} are {@code null}
 * without a log file. {@code rotateBytes} 0 turns rotation by size off; {@code rotateMaxFiles} is Consul's count
 * of archives kept: 0 all, -1 none, N the newest N. {@code etc/org.ops4j.pax.logging.cfg} reads the
 * {@link #options()}.
 */
record LogConfig(boolean json, Path directory, String fileName, int rotateBytes, Duration rotateDuration,
    int rotateMaxFiles) {

  /** Consul's name of the log file when {@code -log-file} names a directory (ends in a separator). */
  static final String DEFAULT_FILE_NAME = "consul.log";
  /** Consul's extension of archives whose file has none. */
  private static final String DEFAULT_EXTENSION = ".log";
  /** Archive counts the logging configuration takes for "keep them all". */
  private static final int KEEP_ALL = 1_000_000_000;

  boolean toFile() {
    return fileName != null;
  }

  /**
   * Consul's archive names: the file's name without its extension, {@code -}, a time stamp, then the extension
   * ({@code .log} if the file has none), so {@code agent} rotates to {@code agent-<time>.log}. This is the part
   * before the time stamp.
   */
  String archiveBase() {
    return fileName.substring(0, fileName.length() - extension(fileName).length());
  }

  /** The archives' extension, see {@link #archiveBase()}. */
  String archiveExtension() {
    String extension = extension(fileName);
    return extension.isEmpty() ? DEFAULT_EXTENSION : extension;
  }

  /** The {@code cairn.log.*} options (without that prefix) the logging configuration reads. */
  Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("format", json ? "json" : "text");
    if (!toFile()) {
      return options;
    }
    options.put("file.threshold", "ALL");
    options.put("file.dir", directory);
    options.put("file.name", fileName);
    options.put("file.base", archiveBase());
    options.put("file.ext", archiveExtension());
    options.put("rotate.bytes", rotateBytes == 0 ? Long.MAX_VALUE : rotateBytes);
    options.put("rotate.millis", rotateDuration.toMillis());
    options.put("rotate.keep", rotateMaxFiles > 0 ? rotateMaxFiles : KEEP_ALL);
    // the age past which archives go: none is young enough with -1, all are with 0 and N
    options.put("rotate.prune.age", rotateMaxFiles < 0 ? "0s" : "36500d");
    return options;
  }

  /** Go's {@code filepath.Ext}: from the last dot of the name, or empty. */
  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot);
  }
}
