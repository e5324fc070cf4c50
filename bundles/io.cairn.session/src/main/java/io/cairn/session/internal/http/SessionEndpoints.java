package io.cairn.session.internal.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

import io.cairn.agent.api.Agent;
import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;
import io.cairn.http.api.StateQuery;
import io.cairn.http.api.Watch;
import io.cairn.raft.api.StateView;
import io.cairn.session.api.Session;
import io.cairn.session.api.SessionRequest;
import io.cairn.session.api.Sessions;
import io.cairn.session.internal.SessionReads;
import io.cairn.session.internal.SessionRules;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /v1/session}: writes through the {@link Sessions} service, blocking reads of the session table (every
 * read watches the whole table and answers with its index, as Consul does), for this datacenter only
 * ({@code ?dc=}).
 */
@Component(service = HttpEndpoints.class)
public final class SessionEndpoints implements HttpEndpoints {

    private static final Watch ALL_SESSIONS = new Watch(Sessions.TABLE, "");

    private final Sessions sessions;
    private final Agent agent;

    @Activate
    public SessionEndpoints(@Reference Sessions sessions, @Reference Agent agent) {
        this.sessions = sessions;
        this.agent = agent;
    }

    @Override
    public void routes(RouteTable table) {
        table.datacenterScoped()
                .put("/v1/session/create", this::create)
                .put("/v1/session/destroy/", this::destroy)
                .put("/v1/session/renew/", this::renew)
                .read("/v1/session/info/", query("Missing session", (id, state) -> SessionReads.get(state, id)
                        .map(List::of).orElse(List.of())))
                .read("/v1/session/node/", query("Missing node name", (node, state) -> SessionReads.node(state, node)))
                .read("/v1/session/list", query(null, (unused, state) -> SessionReads.list(state)));
    }

    CompletionStage<Response> create(Request request) {
        // python-consul sends an empty body, and a JSON null is no more than that.
        CreateBody body = request.body().length == 0 ? null : request.body(CreateBody.class);
        SessionRequest session = (body == null ? CreateBody.EMPTY : body).toRequest(agent.self().name());
        try {
            SessionRules.validate(session);
        } catch (IllegalArgumentException e) {
            throw new HttpException(500, e.getMessage());
        }
        return sessions.create(session).thenApply(id -> Response.json(Map.of("ID", id)));
    }

    CompletionStage<Response> destroy(Request request) {
        return sessions.destroy(id(request)).thenApply(done -> Response.json(true));
    }

    /** An unknown session is a 404 with Consul's text, which Patroni takes as "create a new one". */
    CompletionStage<Response> renew(Request request) {
        String id = id(request);
        return sessions.renew(id).thenApply(session -> session
                .map(s -> Response.json(List.of(SessionJson.of(s))))
                .orElseGet(() -> Response.text(404, "Session id '" + id + "' not found")));
    }

    private static String id(Request request) {
        if (request.argument().isEmpty()) {
            throw HttpException.badRequest("Missing session");
        }
        return request.argument();
    }

    /** A blocking read of the session table; {@code missing}: the 400 text for an empty argument, if needed. */
    static StateQuery query(String missing, BiFunction<String, StateView, List<Session>> reader) {
        return new StateQuery() {
            @Override
            public Watch watch(Request request) {
                if (missing != null && request.argument().isEmpty()) {
                    throw HttpException.badRequest(missing);
                }
                return ALL_SESSIONS;
            }

            @Override
            public Answer answer(Request request, StateView state) {
                List<SessionJson> json = reader.apply(request.argument(), state).stream().map(SessionJson::of).toList();
                return new Answer(SessionReads.index(state), Response.json(json));
            }
        };
    }
}
