package io.cairn.template.internal.runner;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Runs a template's command after its file changed. */
public interface CommandRunner {

    /** Runs {@code argv} to completion; throws if it cannot start, exits non-zero or outlives {@code timeout}. */
    void run(List<String> argv, Duration timeout) throws IOException, InterruptedException;
}
