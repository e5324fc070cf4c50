package io.cairn.raft.internal.machine;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The Raft core's meters (the gauges of log indexes, term and leadership live with the node that reads them):
 * <ul>
 * <li>{@code cairn.raft.leader.changes}: how often this server saw the leader change;</li>
 * <li>{@code cairn.raft.commit}: from submitting a command until the leader reported it committed;</li>
 * <li>{@code cairn.raft.apply} by command {@code type}: from submitting a command until it was applied on
 * this server, what a writer waits for;</li>
 * <li>{@code cairn.raft.fsm.apply} by command {@code type}: applying one log entry to the state; its count is
 * the number of commands of each type (KV writes, catalog registrations, ...) this server applied;</li>
 * <li>{@code cairn.raft.snapshot}: writing a snapshot of the state.</li>
 * </ul>
 * Timers per command type are created on first use; types come from the handler bundles, not from clients.
 */
public final class RaftMetrics {
    private static final Duration[] BUCKETS = {Duration.ofNanos(100_000), Duration.ofMillis(1), Duration.ofMillis(2),
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20)};

    private final MeterRegistry registry;
    private final Counter leaderChanges;
    private final Timer commit;
    private final Timer snapshot;
    private final Map<String, Timer> apply = new ConcurrentHashMap<>();
    private final Map<String, Timer> fsmApply = new ConcurrentHashMap<>();

    public RaftMetrics(MeterRegistry registry) {
        this.registry = registry;
        leaderChanges = Counter.builder("cairn.raft.leader.changes")
                .description("Leader changes this server observed").register(registry);
        commit = Timer.builder("cairn.raft.commit")
                .description("Time from submitting a command until the leader reported it committed")
                .serviceLevelObjectives(BUCKETS).register(registry);
        snapshot = Timer.builder("cairn.raft.snapshot").description("Time to write a snapshot of the state")
                .serviceLevelObjectives(BUCKETS).register(registry);
    }

    /** The registry this server's other meters go to. */
    public MeterRegistry registry() {
        return registry;
    }

    public void leaderChanged() {
        leaderChanges.increment();
    }

    public void committed(long submittedNanos) {
        commit.record(System.nanoTime() - submittedNanos, TimeUnit.NANOSECONDS);
    }

    public void applied(String type, long submittedNanos) {
        timer(apply, "cairn.raft.apply", "Time from submitting a command until it was applied on this server", type)
                .record(System.nanoTime() - submittedNanos, TimeUnit.NANOSECONDS);
    }

    public void fsmApplied(String type, long nanos) {
        timer(fsmApply, "cairn.raft.fsm.apply", "Time to apply one log entry to the state, by command type", type)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void snapshotTaken(long nanos) {
        snapshot.record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Map<String, Timer> byType, String name, String description, String type) {
        Timer timer = byType.get(type);
        if (timer == null) {
            timer = byType.computeIfAbsent(type, t -> Timer.builder(name).description(description).tag("type", t)
                    .serviceLevelObjectives(BUCKETS).register(registry));
        }
        return timer;
    }
}
