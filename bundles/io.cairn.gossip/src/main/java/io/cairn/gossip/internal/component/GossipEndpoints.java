package io.cairn.gossip.internal.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import io.cairn.acl.api.Authorizer;
import io.cairn.agent.api.Member;
import io.cairn.filter.ConsulShapes;
import io.cairn.gossip.api.Keyring;
import io.cairn.gossip.api.KeyringAnswer;
import io.cairn.gossip.api.Membership;
import io.cairn.gossip.internal.crypto.GossipKeyring;
import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;

/**
 * Membership over HTTP as Consul serves it: {@code /v1/agent/members} (which the server filters with
 * {@code ?filter=}), {@code join}, {@code leave}, {@code force-leave}, and {@code /v1/operator/keyring}; on servers
 * also the datacenters of the WAN pool ({@code /v1/catalog/datacenters} nearest first,
 * {@code /v1/coordinate/datacenters}), which client agents forward to a server. With Consul's ACL rules: members
 * are filtered by {@code node:read}, join and leave need {@code agent:write} on this agent, force-leave
 * {@code operator:write}, the keyring {@code keyring:read} to list and {@code keyring:write} to change; the
 * datacenters need none.
 */
final class GossipEndpoints implements HttpEndpoints {
    /** How long a graceful leave waits for the news to spread (Consul's broadcast timeout). */
    static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(5);
    /** A keyring request is one key in JSON. */
    private static final int KEY_BODY_BYTES = 4096;

    private final Membership lan;
    private final Optional<Membership> wan;
    private final Optional<Keyring> keyring;
    private final Runnable afterLeave;

    /** @param afterLeave what follows a leave requested over HTTP once it is answered: the agent stops */
    GossipEndpoints(Membership lan, Optional<Membership> wan, Optional<Keyring> keyring, Runnable afterLeave) {
        this.lan = lan;
        this.wan = wan;
        this.keyring = keyring;
        this.afterLeave = afterLeave;
    }

    @Override
    public void routes(RouteTable table) {
        table.get("/v1/agent/members", ConsulShapes.MEMBER, this::members)
                .put("/v1/agent/join/", this::join)
                .put("/v1/agent/leave", this::leave)
                .put("/v1/agent/force-leave/", this::forceLeave)
                .get("/v1/operator/keyring", this::listKeys)
                .post("/v1/operator/keyring", KEY_BODY_BYTES, this::installKey)
                .put("/v1/operator/keyring", KEY_BODY_BYTES, this::useKey)
                .delete("/v1/operator/keyring", this::removeKey);
        wan.map(WanDatacenters::new).ifPresent(datacenters -> table
                .get("/v1/catalog/datacenters", request -> answer(datacenters.byDistance()))
                .get("/v1/coordinate/datacenters", request -> answer(datacenters.coordinates())));
    }

    private static CompletionStage<Response> answer(Object json) {
        return CompletableFuture.completedFuture(Response.json(json));
    }

    CompletionStage<Response> listKeys(Request request) {
        if (!request.acl().keyringRead()) {
            throw request.permissionDenied("keyring:read", null);
        }
        return keyring(Keyring::list, false);
    }

    CompletionStage<Response> installKey(Request request) {
        String key = key(request);
        requireKeyringWrite(request);
        return keyring(k -> k.install(key), true);
    }

    CompletionStage<Response> useKey(Request request) {
        String key = key(request);
        requireKeyringWrite(request);
        return keyring(k -> k.use(key), true);
    }

    CompletionStage<Response> removeKey(Request request) {
        String key = key(request);
        requireKeyringWrite(request);
        return keyring(k -> k.remove(key), true);
    }

    /** {@code ?segment} is accepted and ignored: Cairn has no network segments. */
    CompletionStage<Response> members(Request request) {
        List<Member> members = request.flag("wan") ? wan.map(Membership::members).orElse(List.of()) : lan.members();
        Authorizer acl = request.acl();
        List<MemberBody> readable = members.stream().filter(m -> acl.nodeRead(m.name())).map(MemberBody::of)
                .toList();
        return CompletableFuture.completedFuture(request.filteredByAcls(Response.json(readable),
                readable.size() < members.size()));
    }

    CompletionStage<Response> join(Request request) {
        requireAgentWrite(request);
        String address = request.argument();
        if (address.isEmpty()) {
            throw HttpException.badRequest("Missing address to join: PUT /v1/agent/join/<host[:port]>");
        }
        return pool(request).join(List.of(address)).handle((joined, failure) -> {
            if (failure != null) {
                throw new HttpException(500, cause(failure).getMessage());
            }
            return Response.ok();
        });
    }

    CompletionStage<Response> leave(Request request) {
        requireAgentWrite(request);
        List<CompletableFuture<Void>> leaving = new ArrayList<>();
        leaving.add(lan.leave(LEAVE_TIMEOUT).toCompletableFuture());
        wan.ifPresent(w -> leaving.add(w.leave(LEAVE_TIMEOUT).toCompletableFuture()));
        return CompletableFuture.allOf(leaving.toArray(CompletableFuture[]::new)).thenApply(done -> {
            afterLeave.run();
            return Response.ok();
        });
    }

    CompletionStage<Response> forceLeave(Request request) {
        if (!request.acl().operatorWrite()) {
            throw request.permissionDenied("operator:write", null);
        }
        String node = request.argument();
        if (!pool(request).forceLeave(node, request.flag("prune"))) {
            throw new HttpException(500, "agent: No node found with name '" + node + "'");
        }
        return CompletableFuture.completedFuture(Response.ok());
    }

    /** Changing this agent's membership needs {@code agent:write} on its node. */
    private void requireAgentWrite(Request request) {
        String node = lan.local().name();
        if (!request.acl().agentWrite(node)) {
            throw request.permissionDenied("agent:write", node);
        }
    }

    /** Checked after the body is read, as Consul answers a bad body before it resolves the token. */
    private static void requireKeyringWrite(Request request) {
        if (!request.acl().keyringWrite()) {
            throw request.permissionDenied("keyring:write", null);
        }
    }

    private Membership pool(Request request) {
        if (!request.flag("wan")) {
            return lan;
        }
        return wan.orElseThrow(() -> new HttpException(500, "Must be a server to use the WAN pool"));
    }

    private CompletionStage<Response> keyring(Function<Keyring, CompletionStage<List<KeyringAnswer>>> operation, boolean change) {
        Keyring ring = keyring.orElseThrow(() -> new HttpException(500,
                "Gossip encryption is not enabled on this agent (set encrypt to a key from 'cairn keygen')"));
        return operation.apply(ring).thenApply(answers -> {
            if (!change) {
                return Response.json(answers.stream().map(KeyringBody::of).toList());
            }
            List<String> failures = new ArrayList<>();
            int nodes = 0;
            for (KeyringAnswer answer : answers) {
                nodes += answer.numNodes();
                answer.messages().forEach((node, message) ->
                        failures.add((answer.wan() ? "WAN " : "LAN ") + node + ": " + message));
            }
            if (!failures.isEmpty()) {
                throw new HttpException(500, failures.size() + "/" + nodes + " nodes reported failure: "
                        + String.join("; ", failures));
            }
            return Response.ok();
        });
    }

    private static String key(Request request) {
        KeyringBody.KeyRequest body = request.body(KeyringBody.KeyRequest.class);
        if (body == null || body.key() == null || body.key().isEmpty()) {
            throw HttpException.badRequest("Request body must name a key: {\"Key\": \"<base64 of 32 bytes>\"}");
        }
        try {
            GossipKeyring.decodeKey(body.key());
        } catch (IllegalArgumentException e) {
            throw HttpException.badRequest("Invalid key: " + e.getMessage());
        }
        return body.key();
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
