package io.cairn.template.internal.runner;

import io.cairn.template.internal.data.FileDependency;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Objects;

/**
 * Polls a local file read by {@code file}: reports its content (UTF-8) when it changes. A file that cannot be
 * read is reported once per distinct problem and polled again; the template waits meanwhile.
 */
final class FileWatch implements Watch {
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final FileDependency dependency;
    private final Scheduler scheduler;
    private final DataSink sink;
    private volatile boolean stopped;
    private String lastContent;
    private String lastProblem;

    FileWatch(FileDependency dependency, Scheduler scheduler, DataSink sink) {
        this.dependency = dependency;
        this.scheduler = scheduler;
        this.sink = sink;
    }

    @Override
    public void start() {
        poll();
    }

    @Override
    public void stop() {
        stopped = true;
    }

    private synchronized void poll() {
        if (stopped) {
            return;
        }
        try {
            String content = Files.readString(dependency.path(), StandardCharsets.UTF_8);
            lastProblem = null;
            if (!content.equals(lastContent)) {
                lastContent = content;
                sink.changed(dependency, content);
            }
        } catch (IOException e) {
            String problem = dependency.describe() + ": cannot read " + dependency.path() + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
            if (!Objects.equals(problem, lastProblem)) {
                lastProblem = problem;
                sink.failed(dependency, problem, false);
            }
        }
        scheduler.schedule(POLL_INTERVAL, this::poll);
    }
}
