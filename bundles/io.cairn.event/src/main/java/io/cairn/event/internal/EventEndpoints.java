package io.cairn.event.internal;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.cairn.event.api.UserEvent;
import io.cairn.event.api.UserEvents;
import io.cairn.health.api.GoDuration;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;

/**
 * {@code /v1/event/*}: fire, and the list of events this agent received.
 * <p>
 * The list's {@code X-Consul-Index} is not monotonic (it is derived from the newest event's UUID), so the list
 * does its own blocking instead of the server's "index greater than" rule: with {@code ?index=N} it answers as
 * soon as its index differs from N, or when {@code ?wait} (default 5 min, at most 10) runs out, as Consul does.
 */
final class EventEndpoints {
    static final long DEFAULT_WAIT_NANOS = TimeUnit.MINUTES.toNanos(5);
    static final long MAX_WAIT_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final UserEvents events;
    private final Supplier<String> datacenter;
    private final WaitTimer timer;

    EventEndpoints(UserEvents events, Supplier<String> datacenter, WaitTimer timer) {
        this.events = events;
        this.datacenter = datacenter;
        this.timer = timer;
    }

    void routes(RouteTable table) {
        table.put("/v1/event/fire/", this::fire)
                .get("/v1/event/list", this::list);
    }

    CompletionStage<Response> fire(Request request) {
        checkDatacenter(request);
        String name = request.argument();
        if (name.isEmpty()) {
            throw HttpException.badRequest("Missing name");
        }
        byte[] payload = request.body();
        // Checked here too, so that HTTP clients get 413 rather than the service's plain refusal.
        int size = EventRules.size(name, payload);
        if (size > UserEvents.SIZE_LIMIT) {
            throw new HttpException(413, EventRules.tooLarge(size));
        }
        return events.fire(name, payload, request.param("node").orElse(""), request.param("service").orElse(""),
                request.param("tag").orElse("")).thenApply(event -> Response.json(EventJson.of(event)));
    }

    CompletionStage<Response> list(Request request) {
        checkDatacenter(request);
        String name = request.param("name").orElse("");
        long minIndex = index(request);
        long waitNanos = minIndex == 0 ? 0 : waitNanos(request);
        Listing listing = new Listing(name, minIndex);
        if (minIndex != 0) {
            Runnable cancelTimer = timer.schedule(listing::timeUp, waitNanos);
            listing.result.whenComplete((r, t) -> {
                cancelTimer.run();
                listing.stopWaiting();
            });
        }
        listing.attempt();
        return listing.result;
    }

    private void checkDatacenter(Request request) {
        String dc = request.param("dc").orElse("");
        if (!dc.isEmpty() && !dc.equals(datacenter.get())) {
            throw new HttpException(500, "No path to datacenter");
        }
    }

    private static long index(Request request) {
        String value = request.param("index").orElse("");
        if (value.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseUnsignedLong(value);
        } catch (NumberFormatException e) {
            throw HttpException.badRequest("Invalid index");
        }
    }

    private static long waitNanos(Request request) {
        String value = request.param("wait").orElse("");
        if (value.isEmpty()) {
            return DEFAULT_WAIT_NANOS;
        }
        try {
            long nanos = GoDuration.parse(value).toNanos();
            return nanos <= 0 ? DEFAULT_WAIT_NANOS : Math.min(nanos, MAX_WAIT_NANOS);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw HttpException.badRequest("Invalid wait time");
        }
    }

    /** One list request: answer, or wait for the next event and answer again. */
    private final class Listing {
        final CompletableFuture<Response> result = new CompletableFuture<>();
        private final String name;
        private final long minIndex;
        private volatile boolean timeUp;
        private volatile CompletableFuture<Long> pending;

        Listing(String name, long minIndex) {
            this.name = name;
            this.minIndex = minIndex;
        }

        void attempt() {
            if (result.isDone()) {
                return;
            }
            long seen = events.changeIndex();
            events.received().whenComplete((all, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure);
                    return;
                }
                List<UserEvent> shown = all.stream()
                        .filter(e -> !e.name().equals(UserEvents.REMOTE_EXEC))
                        .filter(e -> name.isEmpty() || e.name().equals(name))
                        .toList();
                long index = UserEvent.listIndex(shown);
                if (minIndex == 0 || index != minIndex || timeUp) {
                    result.complete(Response.json(shown.stream().map(EventJson::of).toList())
                            .header("X-Consul-Index", Long.toUnsignedString(index)));
                } else {
                    waitAfter(seen);
                }
            });
        }

        private void waitAfter(long seen) {
            CompletableFuture<Long> change = events.awaitChange(seen);
            pending = change;
            if (result.isDone() || timeUp) {
                // The time ran out while this wait was being set up: its cancellation answers at once.
                change.cancel(false);
            }
            change.whenComplete((index, failure) -> {
                if (failure == null || failure instanceof CancellationException
                        || failure.getCause() instanceof CancellationException) {
                    attempt();
                } else {
                    result.completeExceptionally(failure);
                }
            });
        }

        void timeUp() {
            timeUp = true;
            stopWaiting();
        }

        void stopWaiting() {
            CompletableFuture<Long> waiting = pending;
            if (waiting != null) {
                waiting.cancel(false);
            }
        }
    }
}
