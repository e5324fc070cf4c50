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
import io.cairn.raft.api.Consistency;
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
 * <p>
 * ACLs as Consul applies them: creating a session needs {@code session:write} on its node, destroying or renewing
 * one {@code session:write} on the node it was created on (403 before anything changes; an unknown session is
 * answered as without ACLs); every read leaves out the sessions whose node the token lacks {@code session:read}
 * on.
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
        requireSessionWrite(request, session.node());
        try {
            SessionRules.validate(session);
        } catch (IllegalArgumentException e) {
            throw new HttpException(500, e.getMessage());
        }
        return sessions.create(session).thenApply(id -> Response.json(Map.of("ID", id)));
    }

    CompletionStage<Response> destroy(Request request) {
        String id = id(request);
        return writableSession(request, id).thenCompose(unused -> sessions.destroy(id))
                .thenApply(done -> Response.json(true));
    }

    /** An unknown session is a 404 with Consul's text, which Patroni takes as "create a new one". */
    CompletionStage<Response> renew(Request request) {
        String id = id(request);
        return writableSession(request, id).thenCompose(unused -> sessions.renew(id)).thenApply(session -> session
                .map(s -> Response.json(List.of(SessionJson.of(s))))
                .orElseGet(() -> Response.text(404, "Session id '" + id + "' not found")));
    }

    /** Completes once the session {@code id}, if it exists, may be changed by the request's token; fails with 403. */
    private CompletionStage<Void> writableSession(Request request, String id) {
        return sessions.get(id, Consistency.DEFAULT)
                .thenAccept(session -> session.ifPresent(s -> requireSessionWrite(request, s.node())));
    }

    private static void requireSessionWrite(Request request, String node) {
        if (!request.acl().sessionWrite(node)) {
            throw request.permissionDenied("session:write", node);
        }
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
                List<Session> all = reader.apply(request.argument(), state);
                List<SessionJson> readable = all.stream().filter(s -> request.acl().sessionRead(s.node()))
                        .map(SessionJson::of).toList();
                return new Answer(SessionReads.index(state),
                        request.filteredByAcls(Response.json(readable), readable.size() < all.size()));
            }
        };
    }
}
