package io.cairn.template.internal.runner;

import io.cairn.template.internal.data.ApiDependency;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletionException;

/**
 * One blocking query loop, the way consul-template's view does it: ask with {@code index=<last>&wait=<wait>};
 * the same index means nothing changed; a lower index (a restored or restarted server) resets the index to 0 and
 * asks again; a first reply of index 0 carries no usable index and is ignored. A reply whose body equals the last
 * one is not reported. Failures are retried with {@link Retry}'s backoff. Endpoints that do not block are polled.
 */
final class ApiWatch implements Watch {
    /** consul-template's interval for endpoints that ignore {@code index}. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(15);
    /** Pause before asking again after a reply without an index, so such a server cannot make us spin. */
    static final Duration NO_INDEX_PAUSE = Duration.ofSeconds(1);

    private final ApiDependency dependency;
    private final QueryClient client;
    private final Scheduler scheduler;
    private final Duration wait;
    private final Retry retry;
    private final DataSink sink;

    private volatile boolean stopped;
    private long lastIndex;
    private boolean received;
    private int lastStatus;
    private byte[] lastBody;
    private int failures;

    ApiWatch(ApiDependency dependency, QueryClient client, Scheduler scheduler, Duration wait, Retry retry,
            DataSink sink) {
        this.dependency = dependency;
        this.client = client;
        this.scheduler = scheduler;
        this.wait = wait;
        this.retry = retry;
        this.sink = sink;
    }

    @Override
    public void start() {
        fetch();
    }

    @Override
    public void stop() {
        stopped = true;
    }

    private void fetch() {
        if (stopped) {
            return;
        }
        long index = dependency.blocking() ? lastIndex : 0;
        client.get(dependency.path(), index, wait).whenComplete((reply, error) -> {
            if (error != null) {
                fail(describe(error));
            } else {
                answered(reply);
            }
        });
    }

    private synchronized void answered(QueryClient.Reply reply) {
        if (stopped) {
            return;
        }
        if (reply.status() != 200 && reply.status() != 404) {
            fail("Unexpected response code: " + reply.status() + " (" + new String(reply.body(), StandardCharsets.UTF_8)
                    .trim() + ")");
            return;
        }
        failures = 0;
        if (dependency.blocking()) {
            if (Long.compareUnsigned(reply.index(), lastIndex) < 0) {
                lastIndex = 0;
                fetch();
                return;
            }
            if (reply.index() == lastIndex) {
                later(reply.index() == 0 ? NO_INDEX_PAUSE : Duration.ZERO);
                return;
            }
            lastIndex = reply.index();
        }
        if (!received || reply.status() != lastStatus || !Arrays.equals(reply.body(), lastBody)) {
            Object value;
            try {
                value = dependency.decode(reply.status(), reply.body());
            } catch (IOException | RuntimeException e) {
                fail("cannot decode the answer to " + dependency.path() + ": " + e.getMessage());
                return;
            }
            received = true;
            lastStatus = reply.status();
            lastBody = reply.body();
            sink.changed(dependency, value);
        }
        later(dependency.blocking() ? Duration.ZERO : POLL_INTERVAL);
    }

    private synchronized void fail(String problem) {
        if (stopped) {
            return;
        }
        failures++;
        if (retry.exhausted(failures)) {
            stopped = true;
            sink.failed(dependency, dependency.describe() + ": " + problem + " (gave up after " + retry.attempts()
                    + " retries)", true);
            return;
        }
        Duration delay = retry.delay(failures);
        sink.failed(dependency, dependency.describe() + ": " + problem + " (retry " + failures + " in "
                + delay.toMillis() + " ms)", false);
        later(delay);
    }

    private void later(Duration delay) {
        if (delay.isZero()) {
            fetch();
        } else {
            scheduler.schedule(delay, this::fetch);
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = cause.getMessage();
        return cause instanceof java.net.ConnectException
                ? "cannot connect to the agent (" + (message == null ? "connection refused" : message) + ")"
                : cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
