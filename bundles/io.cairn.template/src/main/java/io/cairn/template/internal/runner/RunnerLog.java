package io.cairn.template.internal.runner;

/**
 * Where the runner reports what it does: the CLI prints to stderr as consul-template does, the agent logs. Kept
 * as a small interface so the runner needs no logging library on the CLI's plain class path.
 */
public interface RunnerLog {

    void info(String message);

    void warn(String message);

    /** A problem that ends the run (command line only). */
    default void error(String message) {
        warn(message);
    }
}
