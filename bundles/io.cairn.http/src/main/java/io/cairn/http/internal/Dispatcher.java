package io.cairn.http.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.acl.api.AclNotFoundException;
import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.ResolvedToken;
import io.cairn.acl.rules.DefaultPolicy;
import io.cairn.filter.Filter;
import io.cairn.http.api.DatacenterRouter;
import io.cairn.http.api.ElementFilter;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;
import io.cairn.raft.api.NoLeaderException;
import io.cairn.raft.api.RaftService;

/**
 * Everything between the wire and the endpoints, free of Jetty: path decoding, routing, method checks,
 * running handlers and state queries, and turning their results or failures into Consul-shaped replies.
 * The returned future always completes normally; no handler failure escapes.
 * <p>
 * While the agent is starting, a request that no route serves may be for an endpoint whose subsystem has not
 * registered it yet: a 404 then would be a wrong answer (a Consul client reads one from {@code /v1/kv} as "no
 * such key"), so it is answered {@code 503} with {@code Retry-After} until the agent has started. The same holds
 * while it shuts down and its subsystems remove their endpoints, and for a request the fallback would serve: the
 * route that should answer it here may be missing only for now.
 * <p>
 * {@code GET /} answers Consul's banner of an agent without its web UI, unless a route serves {@code /} (the UI's,
 * which redirects to it).
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final String BANNER = "Consul Agent: UI disabled. This is Cairn, a Consul-compatible agent.";
    private static final String NOT_RECOGNISED = "Invalid URL path: not a recognized HTTP API endpoint";
    private static final String NO_LEADER = "No cluster leader";
    static final String STARTING = "The agent is starting or shutting down and does not serve all its HTTP API"
            + " endpoints; retry the request";
    /** Seconds a client is asked to wait before retrying while the agent starts. */
    static final String RETRY_AFTER_SECONDS = "1";
    /** The token of a request the fallback forwards: it may do nothing here, the server decides. */
    private static final ResolvedToken FORWARDED = new ResolvedToken("", true, DefaultPolicy.DENY.authorizer());

    private final Router router;
    private final Supplier<RaftService> raft;
    private final Supplier<AclResolver> acl;
    private final BooleanSupplier started;
    private final BlockingQuery blocking;
    private final Json json;
    private final HttpMetrics metrics;

    /**
     * @param raft    the Raft service now, or {@code null} while there is none
     * @param acl     the agent's ACL resolver now, or {@code null} while there is none: every request then answers
     *                a retryable 503, as nothing may be served unchecked
     * @param started whether the agent has started (every endpoint it boots with is registered); until then
     *                requests no route serves answer 503
     */
    Dispatcher(Router router, Supplier<RaftService> raft, Supplier<AclResolver> acl, BooleanSupplier started,
            BlockingQuery blocking, Json json, HttpMetrics metrics) {
        this.acl = acl;
        this.router = router;
        this.metrics = metrics;
        this.raft = raft;
        this.started = started;
        this.blocking = blocking;
        this.json = json;
    }

    /**
     * Serves one request.
     *
     * @param rawPath  the path as sent, still percent-encoded
     * @param rawQuery the query string as sent, or {@code null}
     * @param headers  request headers (looked up case-insensitively)
     */
    CompletableFuture<Reply> dispatch(String method, String rawPath, String rawQuery,
            Map<String, List<String>> headers, byte[] body) {
        long started = System.nanoTime();
        Routed routed = route(method, rawPath, rawQuery, headers, body);
        // the caller sees the reply only once it is counted; cancelling it still reaches the request
        CompletableFuture<Reply> counted = routed.reply().whenComplete((reply, failure) -> {
            if (reply != null) {
                metrics.request(method, routed.pattern(), reply.status(), started);
            }
        });
        counted.whenComplete((r, t) -> {
            if (counted.isCancelled()) {
                routed.reply().cancel(false);
            }
        });
        return counted;
    }

    /**
     * The largest body the route (or the fallback) for this request accepts; the default when neither serves it
     * (such a request's body is read within that and answered 404, 405 or 503 without being looked at).
     */
    BodyLimit bodyLimit(String method, String rawPath) {
        try {
            Router.Match match = router.match(method, UrlCodec.decodePath(rawPath));
            if (match instanceof Router.Found found) {
                return found.route().bodyLimit();
            }
            if (match instanceof Router.Fallback fallback) {
                return fallback.route().bodyLimit();
            }
        } catch (RuntimeException e) {
            // an undecodable path is answered 400 by dispatch, whatever the body
        }
        return RouteCollector.DEFAULT_LIMIT;
    }

    /** A request's reply and the pattern of the route that served it ({@code null} if none matched). */
    private record Routed(String pattern, CompletableFuture<Reply> reply) {

        static Routed unmatched(Reply reply) {
            return new Routed(null, CompletableFuture.completedFuture(reply));
        }
    }

    private Routed route(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body) {
        boolean pretty = false;
        String pattern = null;
        try {
            String path = UrlCodec.decodePath(rawPath);
            if (UrlCodec.hasUnprintable(path)) {
                return Routed.unmatched(error(400, "Invalid URL path: contains unprintable characters"));
            }
            Map<String, List<String>> query = UrlCodec.parseQuery(rawQuery);
            pretty = query.containsKey("pretty");
            Router.Match match = router.match(method, path);
            if (path.equals("/") && method.equals("GET") && !(match instanceof Router.Found)) {
                return new Routed("/", CompletableFuture.completedFuture(error(200, BANNER)));
            }
            if (!(match instanceof Router.Found) && !started.getAsBoolean()) {
                return Routed.unmatched(starting());
            }
            if (match instanceof Router.NotFound) {
                return Routed.unmatched(error(404, path.startsWith("/v1/") ? NOT_RECOGNISED : "404 page not found"));
            }
            if (match instanceof Router.NotAllowed notAllowed) {
                return Routed.unmatched(methodNotAllowed(method, notAllowed.allowed()));
            }
            Route route;
            String argument;
            if (match instanceof Router.Found found) {
                route = found.route();
                argument = found.argument();
            } else {
                route = ((Router.Fallback) match).route();
                argument = "";
            }
            pattern = route.path();
            HttpRequest request = new HttpRequest(method, path, argument, rawPath, rawQuery, query, headers, body,
                    json.mapper());
            Optional<String> elsewhere = otherDatacenter(route, request);
            // parsed (or refused) before anything waits; another datacenter filters its own answer
            Optional<Filter> filter = route.elements() == null || elsewhere.isPresent() ? Optional.empty()
                    : request.filter(route.elements());
            boolean indent = pretty;
            CompletableFuture<Response> running;
            if (elsewhere.isPresent()) {
                // as it came, token included: the datacenter it goes to resolves the token and decides
                request.token(FORWARDED);
                running = forward(elsewhere.get(), request);
            } else if (match instanceof Router.Fallback) {
                // forwarded as it came, token included: the server it goes to resolves the token and decides
                request.token(FORWARDED);
                running = invoke(route, request).toCompletableFuture();
            } else {
                AclResolver resolver = acl.get();
                if (resolver == null) {
                    return Routed.unmatched(starting());
                }
                running = authorizeThenInvoke(resolver, route, request);
            }
            CompletableFuture<Reply> reply = running.handle((response, failure) -> failure == null
                    ? render(response, filter, indent) : failure(failure));
            // Cancelling the reply (client gone) must reach a blocking query's wait.
            reply.whenComplete((r, t) -> {
                if (reply.isCancelled()) {
                    running.cancel(false);
                }
            });
            return new Routed(pattern, reply);
        } catch (RuntimeException e) {
            return new Routed(pattern, CompletableFuture.completedFuture(failure(e)));
        }
    }

    /** The datacenter a request's {@code ?dc=} names, if its route serves another one. */
    private static Optional<String> otherDatacenter(Route route, HttpRequest request) {
        String dc = request.param("dc").orElse("");
        if (route.datacenter() == null || dc.isEmpty() || dc.equals(route.datacenter())) {
            return Optional.empty();
        }
        return Optional.of(dc);
    }

    /** Sends a request to a server of another datacenter, or refuses it when this agent has no way there. */
    private CompletableFuture<Response> forward(String datacenter, HttpRequest request) {
        DatacenterRouter datacenters = router.datacenters();
        if (datacenters == null) {
            throw new HttpException(500, RouteTable.NO_PATH_TO_DATACENTER);
        }
        CompletableFuture<Response> answer = datacenters.forward(datacenter, request);
        if (answer == null) {
            throw new IllegalStateException(datacenters + " returned no answer for datacenter " + datacenter);
        }
        return answer;
    }

    /**
     * Resolves the request's token, then runs its route. Cancelling the returned stage (the client went away)
     * reaches the route's stage, or keeps it from starting while the token is still being resolved.
     */
    private CompletableFuture<Response> authorizeThenInvoke(AclResolver resolver, Route route, HttpRequest request) {
        CompletableFuture<ResolvedToken> resolving = resolver.resolve(request.presentedSecret()).toCompletableFuture();
        if (resolving.isDone() && !resolving.isCompletedExceptionally()) {
            request.token(resolving.join());
            return invoke(route, request).toCompletableFuture();
        }
        CompletableFuture<Response> reply = new CompletableFuture<>();
        resolving.whenComplete((token, failure) -> {
            if (failure != null) {
                reply.completeExceptionally(failure);
                return;
            }
            if (reply.isDone()) {
                return;
            }
            request.token(token);
            CompletableFuture<Response> running = invoke(route, request).toCompletableFuture();
            running.whenComplete((response, error) -> {
                if (error != null) {
                    reply.completeExceptionally(error);
                } else {
                    reply.complete(response);
                }
            });
            reply.whenComplete((r, t) -> {
                if (reply.isCancelled()) {
                    running.cancel(false);
                }
            });
        });
        return reply;
    }

    private CompletionStage<Response> invoke(Route route, HttpRequest request) {
        try {
            if (route.handler() != null) {
                CompletionStage<Response> stage = route.handler().handle(request);
                if (stage == null) {
                    throw new IllegalStateException("handler for " + route.path() + " returned no response");
                }
                return stage;
            }
            if (route.localQuery() != null) {
                return blocking.runLocal(route.localQuery(), request);
            }
            RaftService service = raft.get();
            if (service == null) {
                throw new NoLeaderException();
            }
            return blocking.run(service, route.query(), request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** No route serves the request, but the one that would may not be registered yet. */
    private Reply starting() {
        Map<String, String> headers = baseHeaders();
        headers.put("Retry-After", RETRY_AFTER_SECONDS);
        return Reply.text(503, STARTING, headers);
    }

    /** A method the path has no route for: OPTIONS lists the allowed ones (200), anything else is a 405. */
    private Reply methodNotAllowed(String method, List<String> allowed) {
        Map<String, String> headers = baseHeaders();
        headers.put("Allow", "OPTIONS," + String.join(",", allowed));
        if (method.equals("OPTIONS")) {
            return new Reply(200, headers, null, new byte[0]);
        }
        return Reply.text(405, "method " + method + " not allowed", headers);
    }

    private Reply render(Response answer, Optional<Filter> filter, boolean pretty) {
        try {
            Response response = filter.map(f -> ElementFilter.keepMatching(answer, f, json.mapper())).orElse(answer);
            Map<String, String> headers = baseHeaders();
            headers.putAll(response.headers());
            if (response.bodyStream() != null) {
                return new Reply(response.status(), headers, response.contentType(), new byte[0],
                        response.bodyStream());
            }
            if (response.isJson()) {
                return new Reply(response.status(), headers, "application/json", json.write(response.jsonBody(), pretty));
            }
            return new Reply(response.status(), headers, response.contentType(), response.rawBody());
        } catch (RuntimeException e) {
            return failure(e);
        }
    }

    /** Maps a failure to the status and plain-text message Consul clients expect. */
    Reply failure(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof HttpException http) {
            return error(http.status(), http.getMessage());
        }
        if (t instanceof AclNotFoundException) {
            return error(403, AclResolver.ACL_NOT_FOUND);
        }
        if (t instanceof NoLeaderException) {
            return error(500, NO_LEADER);
        }
        if (t instanceof IllegalArgumentException) {
            return error(400, String.valueOf(t.getMessage()));
        }
        LOG.warn("Request failed", t);
        return error(500, t.getMessage() == null ? t.toString() : t.getMessage());
    }

    Reply error(int status, String message) {
        return Reply.text(status, message, baseHeaders());
    }

    /** Consul (1.9+) sends the default ACL policy on every response; with ACLs off it is allow. */
    private Map<String, String> baseHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        AclResolver resolver = acl.get();
        headers.put("X-Consul-Default-ACL-Policy", resolver == null ? "deny" : resolver.defaultPolicy());
        return headers;
    }
}
