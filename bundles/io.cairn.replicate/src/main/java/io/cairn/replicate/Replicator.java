package io.cairn.replicate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * consul-replicate's engine: refuses to replicate a datacenter into itself, becomes the one replicator of the
 * destination through the {@link LeaderLock} at {@link ReplicationSettings#lockKey}, then keeps every prefix equal
 * to its source (one thread per prefix, each following its source with blocking queries) until stopped or until the
 * lock is lost, when it waits for the lock again.
 */
public final class Replicator {
    /** Pause after a failed call before trying again. */
    public static final long RETRY_MILLIS = 1_000;
    private static final String SESSION_NAME = "Cairn replicate";

    private final ReplicationSettings settings;
    private final ReplicaApi api;
    private final ReplicateLog log;
    private volatile boolean stopped;
    private volatile Thread running;

    public Replicator(ReplicationSettings settings, ReplicaApi api, ReplicateLog log) {
        this.settings = settings;
        this.api = api;
        this.log = log;
    }

    /**
     * Replicates each prefix once, holding the lock, then releases it.
     *
     * @throws IllegalArgumentException when a prefix's source is the agent's own datacenter
     * @throws IOException              when a call fails
     */
    public void once() throws IOException, InterruptedException {
        checkSources(api.localDatacenter());
        try (LeaderLock lock = LeaderLock.open(api, settings.lockKey(), SESSION_NAME, log, () -> { })) {
            lock.acquire(RETRY_MILLIS);
            for (ReplicatedPrefix prefix : settings.prefixes()) {
                new PrefixReplication(prefix, settings, api, log).once();
            }
        }
    }

    /**
     * Replicates until {@link #stop}, on the calling thread; failing calls are logged and retried.
     *
     * @throws IllegalArgumentException when a prefix's source is the agent's own datacenter
     */
    public void run() throws InterruptedException {
        running = Thread.currentThread();
        try {
            checkSources(retrying(api::localDatacenter));
            while (!stopped) {
                try (LeaderLock lock = LeaderLock.open(api, settings.lockKey(), SESSION_NAME, log,
                        running::interrupt)) {
                    lock.acquire(RETRY_MILLIS);
                    lead();
                } catch (IOException e) {
                    log.warn("(runner) " + e.getMessage() + "; retrying in " + RETRY_MILLIS + " ms");
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException e) {
                    if (stopped) {
                        return;
                    }
                    log.warn("(runner) lost the lock at \"" + settings.lockKey() + "\"; waiting for it again");
                }
            }
        } catch (InterruptedException e) {
            if (!stopped) {
                throw e;
            }
        } finally {
            running = null;
        }
    }

    /** Ends {@link #run}: stops replicating and releases the lock; returns at once. */
    public void stop() {
        stopped = true;
        Thread thread = running;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Follows every prefix on its own thread until interrupted. */
    private void lead() throws InterruptedException {
        AtomicInteger number = new AtomicInteger();
        ExecutorService prefixes = Executors.newFixedThreadPool(settings.prefixes().size(), task -> {
            Thread thread = new Thread(task, "cairn-replicate-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (ReplicatedPrefix prefix : settings.prefixes()) {
                PrefixReplication replication = new PrefixReplication(prefix, settings, api, log);
                prefixes.execute(() -> {
                    try {
                        replication.follow(RETRY_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            prefixes.shutdown();
            prefixes.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        } finally {
            prefixes.shutdownNow();
            // Let the passes under way end before the lock is released, so that no write follows the release.
            boolean interrupted = Thread.interrupted();
            prefixes.awaitTermination(10, TimeUnit.SECONDS);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void checkSources(String local) {
        List<String> same = new ArrayList<>();
        for (ReplicatedPrefix prefix : settings.prefixes()) {
            if (prefix.datacenter().equals(local)) {
                same.add(prefix.toString());
            }
        }
        if (!same.isEmpty()) {
            throw new IllegalArgumentException("local datacenter cannot be the source datacenter: " + local
                    + " is the agent's own (" + String.join(", ", same) + ")");
        }
    }

    private interface Call<T> {
        T call() throws IOException, InterruptedException;
    }

    private <T> T retrying(Call<T> call) throws InterruptedException {
        while (true) {
            try {
                return call.call();
            } catch (IOException e) {
                log.warn("(runner) " + e.getMessage() + "; retrying in " + RETRY_MILLIS + " ms");
                Thread.sleep(RETRY_MILLIS);
            }
        }
    }
}
