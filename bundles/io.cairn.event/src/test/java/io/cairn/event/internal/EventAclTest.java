package io.cairn.event.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.cairn.event.api.UserEvent;
import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpException;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;

import org.junit.jupiter.api.Test;

/** {@code /v1/event/*} under a token's rules: fire needs {@code event:write}, the list shows {@code event:read}. */
class EventAclTest {

    private static final String FILTERED = "X-Consul-Results-Filtered-By-ACLs";
    private static final String RULES = """
            event_prefix "deploy" { policy = "write" }
            event "audit" { policy = "read" }
            """;

    private final FakePool pool = new FakePool();
    private final AgentEvents events = pool.join("node-a", List::of, UUID::randomUUID);
    private final FakeRoutes routes = new FakeRoutes();

    EventAclTest() {
        new EventEndpoints(events).routes(routes);
    }

    private static FakeRequest token() {
        return new FakeRequest().rules(RULES);
    }

    private void fire(FakeRequest request, String name) {
        routes.call("PUT", "/v1/event/fire/", request.method("PUT").argument(name).body("payload"));
    }

    private Answer list(FakeRequest request, String... query) {
        return routes.answerLocal("/v1/event/list", request.query(query));
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Answer answer) {
        return ((List<EventJson>) answer.response().jsonBody()).stream().map(EventJson::name).toList();
    }

    @Test
    void fireNeedsEventWriteOnTheName() {
        fire(token(), "deploy-web");
        for (String name : List.of("audit", "other")) {
            HttpException denied = assertThrows(HttpException.class, () -> fire(token(), name));
            assertEquals(403, denied.status());
            assertEquals("Permission denied", denied.getMessage());
        }
        assertEquals(List.of("deploy-web"), events.events().stream().map(UserEvent::name).toList(),
                "a refused event is not sent");
    }

    @Test
    void listLeavesOutEventsWithoutEventReadBeforeItsIndexAndNameFilter() {
        for (String name : List.of("deploy", "audit", "other")) {
            fire(new FakeRequest(), name);
        }
        Answer filtered = list(token());
        assertEquals(List.of("deploy", "audit"), names(filtered));
        assertEquals("true", filtered.response().headers().get(FILTERED));
        List<UserEvent> readable = new ArrayList<>(events.events());
        readable.removeIf(e -> e.name().equals("other"));
        assertEquals(UserEvent.listIndex(readable), filtered.index(), "the index of what is shown");

        Answer byName = list(token(), "name=deploy");
        assertEquals(List.of("deploy"), names(byName));
        assertEquals("true", byName.response().headers().get(FILTERED), "Consul filters by ACL before the name");

        Answer all = list(new FakeRequest());
        assertEquals(List.of("deploy", "audit", "other"), names(all));
        assertNull(all.response().headers().get(FILTERED));

        Answer anonymous = list(new FakeRequest().anonymousDenied());
        assertEquals(List.of(), names(anonymous));
        assertNull(anonymous.response().headers().get(FILTERED), "an anonymous request is not told");
    }
}
