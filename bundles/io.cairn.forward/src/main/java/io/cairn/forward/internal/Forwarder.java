package io.cairn.forward.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

import io.cairn.agent.api.AgentInfo;
import io.cairn.health.api.GoDuration;
import io.cairn.http.api.FallbackHandler;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;

/**
 * On a client agent, answers every {@code /v1} request the agent does not serve itself by sending it to a server
 * unchanged (method, path and query as sent, body, and the {@link #REQUEST_HEADERS headers that matter}) and
 * relaying the server's answer unchanged (status, body, and the {@link #ANSWER_HEADERS headers Consul's clients
 * read}). Blocking queries included: the server holds them, this agent only a pending future each, and a client
 * that hangs up has its request to the server aborted. When forwarding fails, the answer says why, as Consul's
 * client agents do: 500 {@value ForwardingException#NO_KNOWN_SERVERS} when no server is known. Like Consul's client
 * agents it fills in its own node where the request means "this agent" ({@link AgentDefaults}).
 */
@Component(service = FallbackHandler.class, configurationPid = UpstreamComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class Forwarder implements FallbackHandler {

    /** The request headers sent on: the ACL token in either form and the body's type. */
    static final List<String> REQUEST_HEADERS = List.of("X-Consul-Token", "Authorization", "Content-Type");

    /** The answer headers relayed: Consul's read metadata, and what an error or a raw KV value carries. */
    static final List<String> ANSWER_HEADERS = List.of("X-Consul-Index", "X-Consul-KnownLeader",
            "X-Consul-LastContact", "X-Consul-Effective-Consistency", "X-Consul-Default-ACL-Policy",
            "X-Consul-Results-Filtered-By-ACLs", "X-Consul-Translate-Addresses", "X-Content-Type-Options",
            "Content-Security-Policy", "Allow", "Retry-After");

    /** Consul's default {@code ?wait} of a blocking query. */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);
    /** Consul's longest {@code ?wait}; a longer one is cut to it. */
    static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private final Upstream upstream;
    private final int maxBodyBytes;
    private final AgentDefaults defaults;

    @Activate
    public Forwarder(@Reference(name = "servers") UpstreamComponent servers, UpstreamComponent.Config config,
            @Reference(name = "agent", target = "(" + AgentInfo.SERVER + "=false)") AgentInfo agent) {
        this(servers.upstream(), config.max_request_body_bytes(), agent.nodeName());
    }

    Forwarder(Upstream upstream, int maxBodyBytes, String node) {
        this.upstream = upstream;
        this.maxBodyBytes = maxBodyBytes;
        this.defaults = new AgentDefaults(node);
    }

    @Override
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    @Override
    public CompletableFuture<Response> handle(Request request) {
        String query = defaults.query(request.rawQuery());
        String pathAndQuery = RawUri.path(request.rawPath()) + (query.isEmpty() ? "" : "?" + RawUri.query(query));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : REQUEST_HEADERS) {
            List<String> values = request.headers().get(name);
            if (values != null && !values.isEmpty()) {
                headers.put(name, values);
            }
        }
        UpstreamRequest forwarded = new UpstreamRequest(request.method(), pathAndQuery, headers,
                defaults.body(request.method(), request.path(), request.body()),
                UpstreamRequest.timeoutFor(heldFor(request)));
        CompletableFuture<UpstreamReply> sent = upstream.send(forwarded);
        CompletableFuture<Response> answer = sent.thenApply(Forwarder::relay);
        // the HTTP server cancels the answer when the client hangs up: the request to the server goes with it
        answer.whenComplete((response, failure) -> {
            if (answer.isCancelled()) {
                sent.cancel(true);
            }
        });
        return answer;
    }

    /**
     * How long the server may hold the request: its {@code ?wait}, as Consul bounds it; a missing or unreadable
     * one counts as the default (the server refuses an unreadable one at once).
     */
    static Duration heldFor(Request request) {
        Duration wait;
        try {
            wait = request.param("wait").map(GoDuration::parse).orElse(DEFAULT_WAIT);
        } catch (IllegalArgumentException e) {
            return DEFAULT_WAIT;
        }
        if (wait.isZero() || wait.isNegative()) {
            return DEFAULT_WAIT;
        }
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private static Response relay(UpstreamReply reply) {
        Response response = Response.raw(reply.status(), reply.body(),
                reply.headers().firstValue("Content-Type").orElse(null));
        for (String name : ANSWER_HEADERS) {
            reply.headers().firstValue(name).ifPresent(value -> response.header(name, value));
        }
        return response;
    }
}
