package io.cairn.event.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.cairn.event.api.UserEvent;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.raft.testing.FakeRaft;

class EventEndpointsTest {
    private final FakeRaft raft =
            new FakeRaft().handle(EventTable.COMMAND_TYPE, new EventCommandHandler());
    private final List<LocalService> services = new ArrayList<>(List.of(new LocalService("web", "web", List.of())));
    /** IDs handed out in order, so tests control the list index. */
    private final List<UUID> ids = new ArrayList<>();
    private final AgentEvents events = new AgentEvents(raft, () -> "node-a",
            node -> CompletableFuture.completedFuture(List.copyOf(services)), () -> ids.remove(0));
    private final AtomicReference<Runnable> timeout = new AtomicReference<>();
    private final EventEndpoints endpoints = new EventEndpoints(events, () -> "dc1", (task, nanos) -> {
        timeout.set(task);
        return () -> timeout.set(null);
    });

    private Response fire(String name, String body, String... query) {
        return endpoints.fire(FakeRequest.of("PUT", name, query).body(body)).toCompletableFuture().join();
    }

    private CompletableFuture<Response> list(String... query) {
        return endpoints.list(FakeRequest.of("GET", "", query)).toCompletableFuture();
    }

    @SuppressWarnings("unchecked")
    private static List<EventJson> body(Response response) {
        return (List<EventJson>) response.jsonBody();
    }

    @Test
    void fireAnswersTheEventWithLogicalTimeZeroAndListShowsIt() {
        ids.add(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
        EventJson fired = (EventJson) fire("deploy", "v1.2", "node=node").jsonBody();
        assertEquals("deploy", fired.name());
        assertEquals(0, fired.lTime());
        assertEquals("node", fired.nodeFilter());
        Response listed = list().join();
        assertEquals("10", listed.headers().get("X-Consul-Index"));
        assertEquals(List.of("deploy"), body(listed).stream().map(EventJson::name).toList());
        assertEquals("v1.2", new String(body(listed).get(0).payload()));
        assertEquals(1, body(listed).get(0).lTime());
    }

    @Test
    void emptyListHasIndexOneAndEmptyPayloadIsNull() {
        assertEquals("1", list().join().headers().get("X-Consul-Index"));
        ids.add(UUID.randomUUID());
        assertEquals(null, ((EventJson) fire("ping", "").jsonBody()).payload());
    }

    @Test
    void listFiltersByNameLeavesOutRemoteExecAndEventsForOtherNodes() {
        for (int i = 0; i < 4; i++) {
            ids.add(UUID.randomUUID());
        }
        fire("a", "");
        fire("_rexec", "{}");
        fire("b", "", "node=^other$");
        fire("b", "");
        assertEquals(List.of("a", "b"), body(list().join()).stream().map(EventJson::name).toList());
        assertEquals(List.of("b"), body(list("name=b").join()).stream().map(EventJson::name).toList());
        assertEquals(2, events.received().toCompletableFuture().join().stream()
                .filter(e -> e.name().startsWith("_") || e.name().equals("a")).count());
    }

    @Test
    void aReceivedEventStaysWhenTheNodeLosesTheMatchingServiceLater() {
        ids.add(UUID.randomUUID());
        fire("deploy", "", "service=web");
        assertEquals(1, body(list().join()).size());
        services.clear();
        assertEquals(1, body(list().join()).size());
    }

    @Test
    void blockingListAnswersWhenTheIndexDiffersEvenIfItIsLower() {
        ids.add(UUID.fromString("00000000-0000-0000-0000-0000000000ff"));
        ids.add(UUID.fromString("00000000-0000-0000-0000-000000000001"));
        fire("first", "");
        CompletableFuture<Response> blocked = list("index=255", "wait=1m");
        assertFalse(blocked.isDone());
        assertEquals(1, raft.waiting());
        fire("second", "");
        assertEquals("1", blocked.join().headers().get("X-Consul-Index"));
        assertEquals(null, timeout.get());
    }

    @Test
    void blockingListAnswersTheSameIndexWhenTheWaitRunsOut() {
        ids.add(UUID.fromString("00000000-0000-0000-0000-0000000000ff"));
        fire("first", "");
        CompletableFuture<Response> blocked = list("index=255");
        assertFalse(blocked.isDone());
        timeout.get().run();
        assertEquals("255", blocked.join().headers().get("X-Consul-Index"));
        assertEquals(0, raft.waiting());
    }

    @Test
    void fireRefusesBadInputWithConsulsStatuses() {
        assertEquals(400, status(() -> fire("", "")));
        HttpException tooBig = assertThrows(HttpException.class, () -> fire("n", "x".repeat(512)));
        assertEquals(413, tooBig.status());
        assertTrue(tooBig.getMessage().contains("512 bytes"), tooBig.getMessage());
        ids.add(UUID.randomUUID());
        assertThrows(IllegalArgumentException.class, () -> fire("n", "", "tag=v1"));
        assertEquals(500, status(() -> fire("n", "", "dc=dc2")));
        assertEquals(400, status(() -> list("index=x").join()));
        assertEquals(400, status(() -> list("index=3", "wait=soon").join()));
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (HttpException e) {
            return e.status();
        } catch (CompletionException e) {
            return ((HttpException) e.getCause()).status();
        }
    }
}
