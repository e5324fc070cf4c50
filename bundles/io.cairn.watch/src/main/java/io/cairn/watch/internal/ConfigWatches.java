package io.cairn.watch.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;

import io.cairn.watch.plan.HttpWatchFetch;
import io.cairn.watch.plan.WatchConfigFiles;
import io.cairn.watch.plan.WatchDefinition;
import io.cairn.watch.plan.WatchPlan;

/**
 * The running config-file watches: each on its own daemon thread, querying this agent's HTTP API (over HTTPS
 * when that is all it serves). A reload
 * stops them all and starts what the files say now.
 */
final class ConfigWatches {
    private final URI agent;
    private final Optional<SSLContext> tls;
    private final List<Path> dirs;
    private final List<Path> files;
    private final Consumer<String> log;
    private final List<WatchPlan> running = new ArrayList<>();
    private final List<WatchDefinition> definitions = new ArrayList<>();

    /** @param tls the TLS of an {@code https://} agent URI; empty for plain HTTP */
    ConfigWatches(URI agent, Optional<SSLContext> tls, List<Path> dirs, List<Path> files, Consumer<String> log) {
        this.agent = agent;
        this.tls = tls;
        this.dirs = List.copyOf(dirs);
        this.files = List.copyOf(files);
        this.log = log;
    }

    /** Stops the running watches and starts those the files define now; returns the problems found. */
    synchronized List<String> reload() {
        stop();
        WatchConfigFiles.Loaded loaded = WatchConfigFiles.read(dirs, files);
        for (WatchDefinition definition : loaded.watches()) {
            WatchPlan plan = new WatchPlan(definition.spec(), new HttpWatchFetch(agent, definition.spec().token(), tls),
                    Thread::sleep, log);
            Thread thread = new Thread(() -> plan.run(definition.handler(line -> log.accept("watch handler: "
                    + line))), "cairn-watch-" + definition.spec().type());
            thread.setDaemon(true);
            running.add(plan);
            definitions.add(definition);
            thread.start();
        }
        return loaded.problems();
    }

    synchronized int size() {
        return running.size();
    }

    synchronized List<WatchDefinition> definitions() {
        return List.copyOf(definitions);
    }

    synchronized void stop() {
        running.forEach(WatchPlan::stop);
        running.clear();
        definitions.clear();
    }
}
