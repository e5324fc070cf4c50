package io.cairn.acl.internal.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.acl.api.AclLink;
import io.cairn.acl.api.AclNotFoundException;
import io.cairn.acl.api.AclPolicy;
import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.AclRole;
import io.cairn.acl.api.AclToken;
import io.cairn.acl.internal.AclAgent;
import io.cairn.acl.internal.AclTables;
import io.cairn.acl.internal.AclReplicator;
import io.cairn.acl.internal.AclWrites;
import io.cairn.acl.internal.PrimaryApi;
import io.cairn.acl.internal.ReplicationStatus;
import io.cairn.acl.internal.TokenGrant;
import io.cairn.agent.api.AgentInfo;
import io.cairn.go.lang.GoDuration;
import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;
import io.cairn.http.api.StateQuery;
import io.cairn.http.api.Watch;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.StateView;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Consul's {@code /v1/acl} endpoints on a server: bootstrap, tokens, policies and roles, with Consul's paths, JSON
 * and texts. While ACLs are disabled every one answers 401 {@value AclResolver#ACL_DISABLED}. Reads need
 * {@code acl:read} (but {@code token/self}, which reads the request's own token) and are blocking reads of their
 * table; writes need {@code acl:write} (but bootstrap, which needs no token) and answer what they stored. A
 * token's {@code SecretID} is shown as {@value #HIDDEN} to a requester without {@code acl:write}; expired tokens
 * are not found. Refusals of a write are 500s with Consul's texts, a refused bootstrap a 403; a missing token or
 * policy is Consul's 403 {@value AclResolver#ACL_NOT_FOUND}, a missing role a 404. Every route serves this
 * datacenter only.
 * <p>
 * In a secondary datacenter, bootstrap and the writes of policies, roles and global tokens are sent to the primary
 * datacenter ({@link PrimaryApi}) with the request's token, after the same checks here, and its answer is relayed,
 * as Consul forwards them; local tokens are written here. {@code GET /v1/acl/replication} reports the
 * {@link AclReplicator}'s status.
 */
@Component(service = HttpEndpoints.class)
public final class AclEndpoints implements HttpEndpoints {

    /** The file an operator writes the reset index into to allow one more bootstrap, in the data directory. */
    public static final String BOOTSTRAP_RESET_FILE = "acl-bootstrap-reset";
    static final String BOOTSTRAP_DESCRIPTION = "Bootstrap Token (Global Management)";
    static final String HIDDEN = "<hidden>";
    /** Where a client agent asks a server for a token's {@link TokenGrant}, with the token as its own. */
    public static final String GRANT_PATH = "/v1/internal/acl/grant";
    /**
     * The parameter of {@value #GRANT_PATH} naming the datacenter whose policies apply, when it is not the
     * answering server's: a secondary asks the primary for a token it does not have.
     */
    public static final String GRANT_DATACENTER = "for_datacenter";
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(30);
    private static final String SELF = "self";
    private static final String CLONE = "/clone";
    private static final String BY_NAME = "name/";
    private static final Duration MIN_TTL = Duration.ofMinutes(1);
    private static final Duration MAX_TTL = Duration.ofHours(24);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RaftService raft;
    private final AclWrites writes;
    private final boolean enabled;
    private final String datacenter;
    private final Path dataDir;
    private final Clock clock;

    private final Optional<PrimaryApi> primary;
    private final Supplier<String> defaultToken;
    private final Supplier<ReplicationStatus> replication;

    @Activate
    public AclEndpoints(@Reference RaftService raft, @Reference AclAgent acl, @Reference AgentInfo agent,
            @Reference AclReplicator replicator) {
        this(raft, acl.enabled(), agent.datacenter(), agent.dataDir(), Clock.systemUTC(), acl.primary(),
                () -> acl.tokens().values().defaultToken(), replicator::status);
    }

    AclEndpoints(RaftService raft, boolean enabled, String datacenter, Path dataDir, Clock clock) {
        this(raft, enabled, datacenter, dataDir, clock, Optional.empty(), () -> "", () -> new ReplicationStatus(
                false, false, datacenter, "", 0, 0, 0, ReplicationStatus.NEVER, ReplicationStatus.NEVER, ""));
    }

    /**
     * Endpoints of a server of {@code datacenter}, in a secondary datacenter when {@code primary} is present;
     * {@code defaultToken} is the agent's, which a forwarded write presents when the request presents none.
     */
    AclEndpoints(RaftService raft, boolean enabled, String datacenter, Path dataDir, Clock clock,
            Optional<PrimaryApi> primary, Supplier<String> defaultToken, Supplier<ReplicationStatus> replication) {
        this.raft = raft;
        this.datacenter = datacenter;
        this.writes = new AclWrites(raft);
        this.enabled = enabled;
        this.dataDir = dataDir;
        this.clock = clock;
        this.primary = primary;
        this.defaultToken = defaultToken;
        this.replication = replication;
    }

    @Override
    public void routes(RouteTable table) {
        table.datacenterScoped()
                .put("/v1/acl/bootstrap", this::bootstrap)
                .put("/v1/acl/token", this::createToken)
                .read("/v1/acl/token/", query(AclTables.TOKENS, request -> !request.argument().equals(SELF),
                        this::token))
                .put("/v1/acl/token/", this::updateOrCloneToken)
                .delete("/v1/acl/token/", this::deleteToken)
                .read("/v1/acl/tokens", query(AclTables.TOKENS, this::tokens))
                .put("/v1/acl/policy", this::createPolicy)
                .read("/v1/acl/policy/", query(AclTables.POLICIES, this::policy))
                .put("/v1/acl/policy/", this::updatePolicy)
                .delete("/v1/acl/policy/", request -> globalDeleted(request, writes::deletePolicy))
                .read("/v1/acl/policies", query(AclTables.POLICIES, (request, state) ->
                        Response.json(AclTables.policies(state).stream().map(PolicyStub::of).toList())))
                .put("/v1/acl/role", this::createRole)
                .read("/v1/acl/role/", query(AclTables.ROLES, this::role))
                .put("/v1/acl/role/", this::updateRole)
                .delete("/v1/acl/role/", request -> globalDeleted(request, writes::deleteRole))
                .read("/v1/acl/roles", query(AclTables.ROLES, (request, state) ->
                        Response.json(AclTables.roles(state))))
                .get("/v1/acl/replication", request -> {
                    requireEnabled();
                    return CompletableFuture.completedStage(Response.json(replication.get()));
                })
                .get(GRANT_PATH, this::grant);
    }

    // --- client agents ---

    /**
     * The request's own token as a client agent compiles it ({@link TokenGrant}), for this datacenter or the one
     * {@value #GRANT_DATACENTER} names: any valid token may read its own grant, as Consul's agents resolve a
     * token's policies through the servers whatever it may read. A secondary asks the primary for a token it does
     * not have.
     */
    private CompletionStage<Response> grant(Request request) {
        requireEnabled();
        String grantedIn = request.param(GRANT_DATACENTER).filter(dc -> !dc.isEmpty()).orElse(datacenter);
        Optional<TokenGrant> grant = raft.state().read(state -> AclTables.token(state, request.token().accessorId())
                .map(token -> TokenGrant.of(state, token, grantedIn)));
        if (grant.isPresent()) {
            return CompletableFuture.completedStage(Response.json(grant.get()));
        }
        if (primary.isEmpty()) {
            throw new AclNotFoundException();
        }
        return toPrimary(request, GRANT_DATACENTER + "=" + grantedIn);
    }

    /** Whether this server is in a secondary datacenter, which sends global writes to the primary. */
    private boolean secondary() {
        return primary.isPresent();
    }

    /** {@code request} sent to the primary datacenter, its answer relayed. */
    private CompletionStage<Response> toPrimary(Request request) {
        return toPrimary(request, request.rawQuery() == null ? "" : request.rawQuery());
    }

    private CompletionStage<Response> toPrimary(Request request, String rawQuery) {
        PrimaryApi api = primary.orElseThrow();
        String secret = request.presentedSecret().isEmpty() ? defaultToken.get() : request.presentedSecret();
        return api.send(request.method(), request.rawPath(), rawQuery, secret, request.body(), FORWARD_TIMEOUT)
                .handle((answer, failure) -> {
                    if (failure != null) {
                        throw new HttpException(500, "rpc error: the primary datacenter " + api.datacenter()
                                + " did not answer: " + failure.getMessage());
                    }
                    Response relayed = Response.raw(answer.statusCode(), answer.body(),
                            answer.headers().firstValue("Content-Type").orElse("application/json"));
                    answer.headers().map().forEach((name, values) -> {
                        if (name.regionMatches(true, 0, "X-Consul-", 0, 9) && !values.isEmpty()) {
                            relayed.header(name, values.get(0));
                        }
                    });
                    return relayed;
                });
    }

    // --- bootstrap ---

    CompletionStage<Response> bootstrap(Request request) {
        requireEnabled();
        if (secondary()) {
            return toPrimary(request);
        }
        Optional<Path> resetFile = Optional.of(dataDir.resolve(BOOTSTRAP_RESET_FILE)).filter(Files::isRegularFile);
        long resetIndex = resetFile.map(AclEndpoints::resetIndex).orElse(0L);
        AclTables.bootstrapIndex(raft.state()).filter(done -> done != resetIndex).ifPresent(done -> {
            throw new HttpException(403, AclWrites.BOOTSTRAP_REFUSED + " (reset index: " + done + ")");
        });
        AclToken token = new AclToken(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                BOOTSTRAP_DESCRIPTION, List.of(new AclLink(AclPolicy.GLOBAL_MANAGEMENT_ID, "")), null, null, null,
                false, null, now().toString(), null, 0, 0);
        return refusals(writes.bootstrap(token, resetIndex)).thenApply(done -> {
            resetFile.ifPresent(AclEndpoints::remove);
            Map<String, Object> reply = JSON.convertValue(stored(token.accessorId()), new TypeReference<>() {
            });
            reply.put("ID", token.secretId());
            return Response.json(reply);
        });
    }

    /** The index in the reset file; 0 (no reset) when it holds none, as Consul ignores a bad one. */
    private static long resetIndex(Path file) {
        try {
            return Long.parseUnsignedLong(Files.readString(file, StandardCharsets.UTF_8).trim());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static void remove(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new HttpException(500, "Bootstrapped, but could not remove " + file + ": " + e.getMessage());
        }
    }

    // --- tokens ---

    CompletionStage<Response> createToken(Request request) {
        requireWrite(request);
        TokenBody body = Optional.ofNullable(request.body(TokenBody.class)).orElse(TokenBody.EMPTY);
        if (secondary() && !body.local()) {
            return toPrimary(request);
        }
        Instant now = now();
        AclToken token = new AclToken(orNew(body.accessorId()), orNew(body.secretId()), body.description(),
                body.policies(), body.roles(), body.serviceIdentities(), body.nodeIdentities(), body.local(),
                expirationTime(body, now), now.toString(), null, 0, 0);
        return refusals(writes.createToken(token)).thenApply(done -> Response.json(stored(token.accessorId())));
    }

    private CompletionStage<Response> updateOrCloneToken(Request request) {
        requireWrite(request);
        String path = argument(request);
        String accessorId = path.endsWith(CLONE) ? path.substring(0, path.length() - CLONE.length()) : path;
        if (secondary() && !localHere(accessorId)) {
            return toPrimary(request);
        }
        if (path.endsWith(CLONE)) {
            return cloneToken(request, accessorId);
        }
        TokenBody body = Optional.ofNullable(request.body(TokenBody.class)).orElse(TokenBody.EMPTY);
        if (!body.accessorId().isEmpty() && !body.accessorId().equals(path)) {
            throw HttpException.badRequest("Token Accessor ID in URL and payload do not match");
        }
        AclToken token = new AclToken(path, body.secretId(), body.description(), body.policies(), body.roles(),
                body.serviceIdentities(), body.nodeIdentities(), body.local(), body.expirationTime(), null, null,
                0, 0);
        return refusals(writes.updateToken(token)).thenApply(done -> Response.json(stored(path)));
    }

    private CompletionStage<Response> cloneToken(Request request, String accessorId) {
        TokenBody body = request.body().length == 0 ? TokenBody.EMPTY
                : Optional.ofNullable(request.body(TokenBody.class)).orElse(TokenBody.EMPTY);
        AclToken source = live(AclTables.token(raft.state(), accessorId)).orElseThrow(AclEndpoints::aclNotFound);
        AclToken clone = new AclToken(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                body.description().isEmpty() ? source.description() : body.description(), source.policies(),
                source.roles(), source.serviceIdentities(), source.nodeIdentities(), source.local(),
                source.expirationTime(), now().toString(), null, 0, 0);
        return refusals(writes.createToken(clone)).thenApply(done -> Response.json(stored(clone.accessorId())));
    }

    private CompletionStage<Response> deleteToken(Request request) {
        requireWrite(request);
        if (secondary() && !localHere(argument(request))) {
            return toPrimary(request);
        }
        return deleted(request, writes::deleteToken);
    }

    /** Whether the token {@code accessorId} is a local token of this datacenter. */
    private boolean localHere(String accessorId) {
        return AclTables.token(raft.state(), accessorId).map(AclToken::local).orElse(false);
    }

    /** The expiration a create asks for: its {@code ExpirationTime}, or now + its {@code ExpirationTTL}. */
    private static String expirationTime(TokenBody body, Instant now) {
        if (body.expirationTtl() == null) {
            if (!body.expirationTime().isEmpty() && Instant.parse(body.expirationTime()).isBefore(now)) {
                throw new HttpException(500, "ExpirationTime cannot be before now");
            }
            return body.expirationTime();
        }
        if (!body.expirationTime().isEmpty()) {
            throw new HttpException(500, "Expiration TTL and Expiration Time cannot both be set");
        }
        Duration ttl = ttl(body.expirationTtl());
        if (ttl.isZero()) {
            return "";
        }
        if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new HttpException(500, "Expiration TTL '" + GoDuration.format(ttl) + "' should be between "
                    + GoDuration.format(MIN_TTL) + " and " + GoDuration.format(MAX_TTL));
        }
        return now.plus(ttl).toString();
    }

    private static Duration ttl(Object value) {
        try {
            return value instanceof Number nanos ? Duration.ofNanos(nanos.longValue())
                    : GoDuration.parse(value.toString());
        } catch (RuntimeException e) {
            throw HttpException.badRequest("Request decode failed: time: invalid duration \"" + value + "\"");
        }
    }

    private Response token(Request request, StateView state) {
        String path = argument(request);
        if (path.equals(SELF)) {
            return Response.json(live(AclTables.token(state, request.token().accessorId()))
                    .orElseThrow(AclEndpoints::aclNotFound));
        }
        return Response.json(shown(request, live(AclTables.token(state, path)).orElseThrow(AclEndpoints::aclNotFound)));
    }

    private Response tokens(Request request, StateView state) {
        Optional<String> policy = request.param("policy").filter(p -> !p.isEmpty());
        Optional<String> role = request.param("role").filter(r -> !r.isEmpty());
        Instant now = now();
        return Response.json(AclTables.tokens(state).stream().filter(t -> !t.isExpired(now))
                .filter(t -> policy.isEmpty() || linked(t.policies(), policy.get()))
                .filter(t -> role.isEmpty() || linked(t.roles(), role.get()))
                .map(t -> shown(request, t)).toList());
    }

    private static boolean linked(List<AclLink> links, String id) {
        return links.stream().anyMatch(link -> link.id().equals(id));
    }

    /** {@code token} with its secret hidden unless the request may write ACLs, as Consul shows it. */
    private static AclToken shown(Request request, AclToken t) {
        return request.acl().aclWrite() ? t : new AclToken(t.accessorId(), HIDDEN, t.description(), t.policies(),
                t.roles(), t.serviceIdentities(), t.nodeIdentities(), t.local(), t.expirationTime(), t.createTime(),
                t.hash(), t.createIndex(), t.modifyIndex());
    }

    private Optional<AclToken> live(Optional<AclToken> token) {
        Instant now = now();
        return token.filter(t -> !t.isExpired(now));
    }

    private AclToken stored(String accessorId) {
        return AclTables.token(raft.state(), accessorId).orElseThrow(AclEndpoints::aclNotFound);
    }

    // --- policies ---

    CompletionStage<Response> createPolicy(Request request) {
        requireWrite(request);
        if (secondary()) {
            return toPrimary(request);
        }
        AclPolicy body = policyBody(request);
        AclPolicy policy = new AclPolicy(UUID.randomUUID().toString(), body.name(), body.description(), body.rules(),
                body.datacenters(), null, 0, 0);
        return refusals(writes.createPolicy(policy)).thenApply(done -> Response.json(
                AclTables.policy(raft.state(), policy.id()).orElseThrow(AclEndpoints::aclNotFound)));
    }

    private CompletionStage<Response> updatePolicy(Request request) {
        requireWrite(request);
        if (secondary()) {
            return toPrimary(request);
        }
        String id = argument(request);
        AclPolicy body = policyBody(request);
        if (!body.id().isEmpty() && !body.id().equals(id)) {
            throw HttpException.badRequest("Policy ID in URL and payload do not match");
        }
        AclPolicy policy = new AclPolicy(id, body.name(), body.description(), body.rules(), body.datacenters(), null,
                0, 0);
        return refusals(writes.updatePolicy(policy)).thenApply(done -> Response.json(
                AclTables.policy(raft.state(), id).orElseThrow(AclEndpoints::aclNotFound)));
    }

    /** The body of a policy write, its rules checked before anything is submitted. */
    private static AclPolicy policyBody(Request request) {
        AclPolicy body = Optional.ofNullable(request.body(AclPolicy.class))
                .orElseGet(() -> new AclPolicy(null, null, null, null, null, null, 0, 0));
        try {
            AclWrites.validateRules(body.rules());
        } catch (IllegalArgumentException e) {
            throw new HttpException(500, e.getMessage());
        }
        return body;
    }

    private Response policy(Request request, StateView state) {
        String path = argument(request);
        Optional<AclPolicy> policy = path.startsWith(BY_NAME)
                ? AclTables.policyByName(state, path.substring(BY_NAME.length())) : AclTables.policy(state, path);
        return Response.json(policy.orElseThrow(AclEndpoints::aclNotFound));
    }

    // --- roles ---

    CompletionStage<Response> createRole(Request request) {
        requireWrite(request);
        if (secondary()) {
            return toPrimary(request);
        }
        AclRole body = roleBody(request);
        AclRole role = new AclRole(UUID.randomUUID().toString(), body.name(), body.description(), body.policies(),
                body.serviceIdentities(), body.nodeIdentities(), null, 0, 0);
        return refusals(writes.createRole(role)).thenApply(done -> storedRole(role.id()));
    }

    private CompletionStage<Response> updateRole(Request request) {
        requireWrite(request);
        if (secondary()) {
            return toPrimary(request);
        }
        String id = argument(request);
        AclRole body = roleBody(request);
        if (!body.id().isEmpty() && !body.id().equals(id)) {
            throw HttpException.badRequest("Role ID in URL and payload do not match");
        }
        AclRole role = new AclRole(id, body.name(), body.description(), body.policies(), body.serviceIdentities(),
                body.nodeIdentities(), null, 0, 0);
        return refusals(writes.updateRole(role)).thenApply(done -> storedRole(id));
    }

    private static AclRole roleBody(Request request) {
        return Optional.ofNullable(request.body(AclRole.class))
                .orElseGet(() -> new AclRole(null, null, null, null, null, null, null, 0, 0));
    }

    private Response storedRole(String id) {
        return AclTables.role(raft.state(), id).map(Response::json).orElseGet(() -> Response.empty(404));
    }

    private Response role(Request request, StateView state) {
        String path = argument(request);
        Optional<AclRole> role = path.startsWith(BY_NAME)
                ? AclTables.roleByName(state, path.substring(BY_NAME.length())) : AclTables.role(state, path);
        return role.map(Response::json).orElseGet(() -> Response.empty(404));
    }

    // --- shared ---

    private CompletionStage<Response> deleted(Request request,
            Function<String, CompletionStage<Void>> delete) {
        requireWrite(request);
        return refusals(delete.apply(argument(request))).thenApply(done -> Response.json(true));
    }

    /** A delete of a policy or role: in the primary datacenter. */
    private CompletionStage<Response> globalDeleted(Request request,
            Function<String, CompletionStage<Void>> delete) {
        requireWrite(request);
        return secondary() ? toPrimary(request) : deleted(request, delete);
    }

    /** {@code write} with a refused bootstrap turned into Consul's 403. */
    private static CompletionStage<Void> refusals(CompletionStage<Void> write) {
        return write.exceptionally(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause.getMessage() != null && cause.getMessage().startsWith(AclWrites.BOOTSTRAP_REFUSED)) {
                throw new HttpException(403, cause.getMessage());
            }
            throw failure instanceof CompletionException completion ? completion : new CompletionException(cause);
        });
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new HttpException(401, AclResolver.ACL_DISABLED);
        }
    }

    private void requireWrite(Request request) {
        requireEnabled();
        if (!request.acl().aclWrite()) {
            throw request.permissionDenied("acl:write", null);
        }
    }

    private static String argument(Request request) {
        if (request.argument().isEmpty()) {
            throw HttpException.badRequest("Missing ID");
        }
        return request.argument();
    }

    private static HttpException aclNotFound() {
        return new HttpException(403, AclResolver.ACL_NOT_FOUND);
    }

    private static String orNew(String id) {
        return id.isEmpty() ? UUID.randomUUID().toString() : id;
    }

    private Instant now() {
        return clock.instant();
    }

    private StateQuery query(String table, BiFunction<Request, StateView, Response> answer) {
        return query(table, request -> true, answer);
    }

    /**
     * A blocking read of {@code table}, refused before anything waits while ACLs are disabled and, when
     * {@code needsRead} says so, without {@code acl:read}; answered with the table's index.
     */
    private StateQuery query(String table, Predicate<Request> needsRead,
            BiFunction<Request, StateView, Response> answer) {
        Watch watch = new Watch(table, "");
        return new StateQuery() {
            @Override
            public Watch watch(Request request) {
                requireEnabled();
                if (needsRead.test(request) && !request.acl().aclRead()) {
                    throw request.permissionDenied("acl:read", null);
                }
                return watch;
            }

            @Override
            public Answer answer(Request request, StateView state) {
                return new Answer(AclTables.index(state, table), answer.apply(request, state));
            }
        };
    }
}
