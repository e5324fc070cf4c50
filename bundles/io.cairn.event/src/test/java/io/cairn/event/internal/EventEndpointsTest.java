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

import org.junit.jupiter.api.Test;

import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.LocalQuery;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;

class EventEndpointsTest {
    private final FakePool pool = new FakePool();
    private final List<LocalService> services = new ArrayList<>(List.of(new LocalService("web", "web", List.of())));
    /** IDs handed out in order, so tests control the list index. */
    private final List<UUID> ids = new ArrayList<>();
    private final AgentEvents events = pool.join("node-a", () -> List.copyOf(services), () -> ids.remove(0));
    private final FakeRoutes routes = new FakeRoutes();

    EventEndpointsTest() {
        new EventEndpoints(events).routes(routes);
    }

    private Response fire(String name, String body, String... query) {
        return routes.call("PUT", "/v1/event/fire/", FakeRequest.of("PUT", name, query).body(body));
    }

    private Answer answer(String... query) {
        return routes.answerLocal("/v1/event/list", FakeRequest.of("GET", "", query));
    }

    private Response list(String... query) {
        return answer(query).response();
    }

    /** What the server waits on for a blocking list request answered now: the next change of the list. */
    private CompletableFuture<Long> nextChange() {
        LocalQuery list = routes.localRead("/v1/event/list");
        return list.awaitChange(list.changeIndex());
    }

    @SuppressWarnings("unchecked")
    private static List<EventJson> body(Response response) {
        return (List<EventJson>) response.jsonBody();
    }

    private static List<String> names(Response response) {
        return body(response).stream().map(EventJson::name).toList();
    }

    @Test
    void fireAnswersTheEventWithLogicalTimeZeroAndListShowsIt() {
        ids.add(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
        EventJson fired = (EventJson) fire("deploy", "v1.2", "node=node").jsonBody();
        assertEquals("deploy", fired.name());
        assertEquals(0, fired.lTime());
        assertEquals("node", fired.nodeFilter());
        assertEquals(10, answer().index());
        Response listed = list();
        assertEquals(List.of("deploy"), names(listed));
        assertEquals("v1.2", new String(body(listed).get(0).payload()));
        assertEquals(1, body(listed).get(0).lTime(), "the first event of the agent's clock");
    }

    @Test
    void emptyListIsAnEmptyArrayWithIndexOneAndEmptyPayloadIsNull() {
        Answer empty = answer();
        assertEquals(1, empty.index());
        assertEquals(200, empty.response().status());
        assertEquals(List.of(), body(empty.response()));
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
        assertEquals(List.of("a", "b"), names(list()));
        assertEquals(List.of("b"), names(list("name=b")));
        assertEquals(2, events.received().toCompletableFuture().join().stream()
                .filter(e -> e.name().startsWith("_") || e.name().equals("a")).count());
    }

    @Test
    void aReceivedEventStaysWhenTheNodeLosesTheMatchingServiceLater() {
        ids.add(UUID.randomUUID());
        fire("deploy", "", "service=web");
        assertEquals(1, body(list()).size());
        services.clear();
        assertEquals(1, body(list()).size());
    }

    @Test
    void declaresTheListAsABlockingReadOfTheAgentsOwnData() {
        assertEquals(List.of("PUT /v1/event/fire/", "LOCAL READ /v1/event/list"), routes.declared());
    }

    @Test
    void blockingListWaitsWhileTheIndexIsTheClientsAndAnswersWhenItDiffersEvenIfLower() {
        ids.add(UUID.fromString("00000000-0000-0000-0000-0000000000ff"));
        ids.add(UUID.fromString("00000000-0000-0000-0000-000000000001"));
        fire("first", "");
        Answer first = answer("index=255", "wait=1m");
        assertEquals(255, first.index());
        assertFalse(first.changedSince(255), "the server keeps ?index=255 waiting");
        CompletableFuture<Long> wake = nextChange();
        assertFalse(wake.isDone());

        fire("second", "");

        assertTrue(wake.isDone(), "a new event wakes the waiting list");
        Answer second = answer("index=255", "wait=1m");
        assertEquals(1, second.index());
        assertTrue(second.changedSince(255), "a lower index is an answer too");
    }

    @Test
    void blockingListByNameKeepsItsIndexWhenOtherEventsArrive() {
        ids.add(UUID.fromString("00000000-0000-0000-0000-0000000000ff"));
        ids.add(UUID.fromString("00000000-0000-0000-0000-000000000001"));
        fire("deploy", "");
        CompletableFuture<Long> wake = nextChange();
        fire("other", "");
        assertTrue(wake.isDone());
        Answer again = answer("name=deploy", "index=255");
        assertEquals(255, again.index());
        assertFalse(again.changedSince(255), "woken, the server waits again: nothing named deploy arrived");
    }

    @Test
    void anEventForAnotherNodeDoesNotWakeTheList() {
        ids.add(UUID.randomUUID());
        CompletableFuture<Long> wake = nextChange();
        fire("elsewhere", "", "node=^other$");
        assertFalse(wake.isDone());
    }

    @Test
    void fireRefusesBadInputWithConsulsStatuses() {
        assertEquals(400, status(() -> fire("", "")));
        HttpException tooBig = assertThrows(HttpException.class, () -> fire("n", "x".repeat(512)));
        assertEquals(413, tooBig.status());
        assertTrue(tooBig.getMessage().contains("512 bytes"), tooBig.getMessage());
        ids.add(UUID.randomUUID());
        assertThrows(IllegalArgumentException.class, () -> fire("n", "", "tag=v1"));
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
