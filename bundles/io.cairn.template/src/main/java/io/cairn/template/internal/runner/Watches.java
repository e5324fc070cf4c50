package io.cairn.template.internal.runner;

import io.cairn.template.internal.data.ApiDependency;
import io.cairn.template.internal.data.Dependency;
import io.cairn.template.internal.data.FileDependency;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The running watches, one per distinct dependency whichever templates use it: equal dependencies share one
 * query. {@link #retain} starts watches for newly used dependencies and stops those no template uses any more.
 */
final class Watches {
    private final QueryClient client;
    private final Scheduler scheduler;
    private final Duration wait;
    private final Retry retry;
    private final DataSink sink;
    private final Map<Dependency, Watch> running = new HashMap<>();

    Watches(QueryClient client, Scheduler scheduler, Duration wait, Retry retry, DataSink sink) {
        this.client = client;
        this.scheduler = scheduler;
        this.wait = wait;
        this.retry = retry;
        this.sink = sink;
    }

    /** Makes the running watches exactly those of {@code wanted}. */
    void retain(Set<Dependency> wanted) {
        for (Iterator<Map.Entry<Dependency, Watch>> it = running.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Dependency, Watch> entry = it.next();
            if (!wanted.contains(entry.getKey())) {
                entry.getValue().stop();
                it.remove();
            }
        }
        for (Dependency dependency : wanted) {
            if (!running.containsKey(dependency)) {
                Watch watch = create(dependency);
                running.put(dependency, watch);
                watch.start();
            }
        }
    }

    /** Whether {@code dependency} is being watched (data of a watch stopped meanwhile is stale). */
    boolean watching(Dependency dependency) {
        return running.containsKey(dependency);
    }

    void stopAll() {
        retain(Set.of());
    }

    private Watch create(Dependency dependency) {
        if (dependency instanceof ApiDependency api) {
            return new ApiWatch(api, client, scheduler, wait, retry, sink);
        }
        if (dependency instanceof FileDependency file) {
            return new FileWatch(file, scheduler, sink);
        }
        throw new IllegalArgumentException("no way to watch " + dependency.describe() + " ("
                + dependency.getClass().getName() + ")");
    }
}
