package io.cairn.event.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.event.api.UserEvent;
import io.cairn.event.api.UserEvents;
import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.LocalQuery;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;

/**
 * {@code /v1/event/*}: fire, and the list of events this agent received.
 * <p>
 * The list is this agent's own data ({@linkplain RouteTable#localRead a local read}: no Raft, so client agents
 * answer it too). Its {@code X-Consul-Index} is derived from the newest listed event's UUID
 * ({@link UserEvent#listIndex}), so its answers are {@linkplain Answer#unordered unordered}: the server answers
 * {@code ?index=N} as soon as the list's index differs from N, and answers again whenever an event arrives.
 * <p>
 * ACLs as Consul applies them: firing needs {@code event:write} on the event's name (a 403 with Consul's bare
 * {@value #PERMISSION_DENIED} otherwise, nothing sent); the list leaves out the events whose name the token lacks
 * {@code event:read} on, before the {@code ?name=} filter and the index, as Consul does.
 */
final class EventEndpoints {
    /** The text of Consul's 403 to a fire the token may not make: its event endpoint sends no more. */
    static final String PERMISSION_DENIED = "Permission denied";

    private final AgentEvents events;

    EventEndpoints(AgentEvents events) {
        this.events = events;
    }

    /** Both routes serve this datacenter only ({@code ?dc=}). */
    void routes(RouteTable table) {
        table.datacenterScoped()
                .put("/v1/event/fire/", this::fire)
                .localRead("/v1/event/list", new EventList());
    }

    CompletionStage<Response> fire(Request request) {
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
        if (!request.acl().eventWrite(name)) {
            throw new HttpException(403, PERMISSION_DENIED);
        }
        return events.fire(name, payload, request.param("node").orElse(""), request.param("service").orElse(""),
                request.param("tag").orElse("")).thenApply(event -> Response.json(EventJson.of(event)));
    }

    /** {@code GET /v1/event/list?name=}: the received events, remote-exec ones left out, oldest first. */
    private final class EventList implements LocalQuery {

        @Override
        public Answer answer(Request request) {
            String name = request.param("name").orElse("");
            List<UserEvent> received = events.events().stream()
                    .filter(e -> !e.name().equals(UserEvents.REMOTE_EXEC))
                    .toList();
            List<UserEvent> readable = received.stream().filter(e -> request.acl().eventRead(e.name())).toList();
            List<UserEvent> shown = readable.stream().filter(e -> name.isEmpty() || e.name().equals(name)).toList();
            return Answer.unordered(UserEvent.listIndex(shown), request.filteredByAcls(
                    Response.json(shown.stream().map(EventJson::of).toList()), readable.size() < received.size()));
        }

        @Override
        public long changeIndex() {
            return events.changeIndex();
        }

        @Override
        public CompletableFuture<Long> awaitChange(long afterIndex) {
            return events.awaitChange(afterIndex);
        }
    }
}
