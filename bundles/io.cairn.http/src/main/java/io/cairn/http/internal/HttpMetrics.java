package io.cairn.http.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The server's meters: {@code cairn.http.requests} (a timer with latency buckets, tagged by method, route
 * pattern and status), {@code cairn.http.blocking.queries} (blocking queries waiting for a change now),
 * {@code cairn.http.connections.refused} (connections refused over the per-client limit) and
 * {@code cairn.http.requests.abandoned} (requests given up because their client hung up while they waited).
 * <p>
 * The route tag is the declared pattern ({@code /v1/kv/}, not {@code /v1/kv/a/b}), so the number of series
 * stays bounded whatever clients send; requests no route matched are tagged {@value #UNMATCHED}. Timers are
 * found through maps by route and method and an array by status: once a route, method and status have been
 * seen, a request costs two map lookups and no allocation.
 */
final class HttpMetrics {
    static final String UNMATCHED = "unmatched";
    /** Buckets from a fast KV read to a blocking query that waits out its ten minutes. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(11)};
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD");
    private static final int MIN_STATUS = 100;
    private static final int MAX_STATUS = 599;

    private final MeterRegistry registry;
    private final AtomicInteger blockingWaiting = new AtomicInteger();
    private final Counter refused;
    private final Counter abandoned;
    /** Route pattern, then method, then status. */
    private final Map<String, Map<String, AtomicReferenceArray<Timer>>> timers = new ConcurrentHashMap<>();

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("cairn.http.blocking.queries", blockingWaiting, AtomicInteger::get)
                .description("Blocking queries waiting for a change of the state they watch").register(registry);
        refused = Counter.builder("cairn.http.connections.refused")
                .description("Connections refused because their client address held too many").register(registry);
        abandoned = Counter.builder("cairn.http.requests.abandoned")
                .description("Requests given up because their client hung up while they waited").register(registry);
    }

    /**
     * Records one request, from when it arrived until its reply was ready.
     *
     * @param route the pattern of the route that served it, {@code null} if none matched
     */
    void request(String method, String route, int status, long startedNanos) {
        if (status < MIN_STATUS || status > MAX_STATUS) {
            return;
        }
        String pattern = route == null ? UNMATCHED : route;
        // methods come from clients: anything unusual shares one series
        String methodTag = METHODS.contains(method) ? method : "OTHER";
        Map<String, AtomicReferenceArray<Timer>> byMethod = timers.get(pattern);
        if (byMethod == null) {
            byMethod = timers.computeIfAbsent(pattern, p -> new ConcurrentHashMap<>());
        }
        AtomicReferenceArray<Timer> byStatus = byMethod.get(methodTag);
        if (byStatus == null) {
            byStatus = byMethod.computeIfAbsent(methodTag, m -> new AtomicReferenceArray<>(MAX_STATUS - MIN_STATUS + 1));
        }
        Timer timer = byStatus.get(status - MIN_STATUS);
        if (timer == null) {
            timer = timer(methodTag, pattern, status);
            byStatus.compareAndSet(status - MIN_STATUS, null, timer);
        }
        timer.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    /** A blocking query starts waiting for a change. */
    void blockingStarted() {
        blockingWaiting.incrementAndGet();
    }

    /** A blocking query stops waiting (change, timeout or client gone). */
    void blockingEnded() {
        blockingWaiting.decrementAndGet();
    }

    /** A connection was refused over its client's limit. */
    void connectionRefused() {
        refused.increment();
    }

    /** A request was given up because its client hung up while it waited. */
    void requestAbandoned() {
        abandoned.increment();
    }

    private Timer timer(String method, String route, int status) {
        return Timer.builder("cairn.http.requests").description("HTTP API requests by route pattern and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS).register(registry);
    }
}
