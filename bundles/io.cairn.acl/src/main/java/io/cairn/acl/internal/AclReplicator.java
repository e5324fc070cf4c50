package io.cairn.acl.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.acl.api.AclPolicy;
import io.cairn.acl.api.AclRole;
import io.cairn.acl.api.AclToken;
import io.cairn.raft.api.RaftService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ACL replication, as Consul's secondaries do it: on the leader of a secondary datacenter, policies and roles, and
 * global tokens when {@code enable_token_replication} is on, are copied from the primary with the replication
 * token ({@code acl.tokens.replication}). Each table has a loop of its own that holds a blocking query on the
 * primary's list, compares it by ID and hash with this datacenter's ({@link ReplicationDiff}) and applies what
 * differs through Raft in batches, deletes first; local tokens are never touched. On every server, also to report
 * {@linkplain #status() its status}; in the primary it does nothing.
 */
@Component(service = AclReplicator.class)
public final class AclReplicator {

    /** The most records one replicated command carries. */
    static final int BATCH_SIZE = 128;
    static final String POLICIES = "policies";
    static final String TOKENS = "tokens";
    private static final Logger LOG = LoggerFactory.getLogger(AclReplicator.class);
    private static final String WAIT = "5s";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final long RETRY_MILLIS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final RaftService raft;
    private final AclSettings settings;
    private final Optional<PrimaryApi> primary;
    private final Clock clock;
    private final ExecutorService loops;
    private volatile boolean stopped;
    private volatile long policyIndex;
    private volatile long roleIndex;
    private volatile long tokenIndex;
    private volatile String lastSuccess = ReplicationStatus.NEVER;
    private volatile String lastError = ReplicationStatus.NEVER;
    private volatile String lastErrorMessage = "";

    @Activate
    public AclReplicator(@Reference RaftService raft, @Reference AclAgent acl) {
        this(raft, acl.settings(), acl.primary(), Clock.systemUTC());
        primary.ifPresent(api -> {
            loops.execute(() -> loop(POLICIES, this::replicatePolicies, index -> policyIndex = index));
            loops.execute(() -> loop("roles", this::replicateRoles, index -> roleIndex = index));
            if (settings.tokenReplication()) {
                loops.execute(() -> loop(TOKENS, this::replicateTokens, index -> tokenIndex = index));
            }
        });
    }

    /** A replicator whose rounds run only when called ({@link #replicatePolicies}, ...). */
    AclReplicator(RaftService raft, AclSettings settings, Optional<PrimaryApi> primary, Clock clock) {
        this.raft = raft;
        this.settings = settings;
        this.primary = primary;
        this.clock = clock;
        this.loops = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "cairn-acl-replication");
            t.setDaemon(true);
            return t;
        });
    }

    /** This server's replication status, as {@code GET /v1/acl/replication} answers it. */
    public ReplicationStatus status() {
        return new ReplicationStatus(primary.isPresent(), primary.isPresent() && !stopped && raft.isLeader(),
                primary.map(PrimaryApi::datacenter).orElse(""),
                primary.isEmpty() ? "" : settings.tokenReplication() ? TOKENS : POLICIES, policyIndex, roleIndex,
                tokenIndex, lastSuccess, lastError, lastErrorMessage);
    }

    /** One table's round: from the primary's index last seen to the one it answered with. */
    @FunctionalInterface
    interface Round {
        long run(long index) throws IOException, InterruptedException;
    }

    @FunctionalInterface
    interface IndexSink {
        void replicated(long index);
    }

    private void loop(String table, Round round, IndexSink replicated) {
        long index = 0;
        while (!stopped) {
            try {
                if (!raft.isLeader()) {
                    index = 0;
                    Thread.sleep(RETRY_MILLIS);
                    continue;
                }
                long next = round.run(index);
                index = next < index ? 0 : next;
                replicated.replicated(index);
                lastSuccess = clock.instant().toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                lastError = clock.instant().toString();
                lastErrorMessage = "failed to replicate ACL " + table + ": " + e.getMessage();
                LOG.warn("ACL replication of {} from {} failed: {}", table, settings.primaryDatacenter(),
                        e.getMessage());
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Makes this datacenter's policies the primary's once it lists them past {@code index}. */
    long replicatePolicies(long index) throws IOException, InterruptedException {
        Listed<AclPolicy> listed = list("/v1/acl/policies", index, new TypeReference<>() {
        });
        ReplicationDiff diff = ReplicationDiff.of(hashes(listed.items(), AclPolicy::id, AclPolicy::hash),
                raft.state().read(state -> hashes(AclTables.policies(state), AclPolicy::id, AclPolicy::hash)));
        List<AclPolicy> upserts = new ArrayList<>();
        for (String id : diff.upserts()) {
            upserts.add(JSON.readValue(get("/v1/acl/policy/" + id, "").body(), AclPolicy.class));
        }
        apply(diff.commands(upserts, BATCH_SIZE, AclCommand::replicatePolicies));
        return listed.index();
    }

    /** Makes this datacenter's roles the primary's once it lists them past {@code index}. */
    long replicateRoles(long index) throws IOException, InterruptedException {
        Listed<AclRole> listed = list("/v1/acl/roles", index, new TypeReference<>() {
        });
        ReplicationDiff diff = ReplicationDiff.of(hashes(listed.items(), AclRole::id, AclRole::hash),
                raft.state().read(state -> hashes(AclTables.roles(state), AclRole::id, AclRole::hash)));
        Map<String, AclRole> byId = listed.items().stream().collect(Collectors.toMap(AclRole::id, r -> r));
        apply(diff.commands(diff.upserts().stream().map(byId::get).toList(), BATCH_SIZE,
                AclCommand::replicateRoles));
        return listed.index();
    }

    /** Makes this datacenter's global tokens the primary's once it lists them past {@code index}. */
    long replicateTokens(long index) throws IOException, InterruptedException {
        Listed<AclToken> listed = list("/v1/acl/tokens", index, new TypeReference<>() {
        });
        List<AclToken> global = listed.items().stream().filter(t -> !t.local()).toList();
        if (global.stream().anyMatch(t -> t.secretId().isEmpty() || t.secretId().equals("<hidden>"))) {
            throw new IOException("the replication token may not read token secrets: it needs acl = \"write\"");
        }
        ReplicationDiff diff = ReplicationDiff.of(hashes(global, AclToken::accessorId, AclToken::hash),
                raft.state().read(state -> hashes(AclTables.storedTokens(state).filter(t -> !t.local()).toList(),
                        AclToken::accessorId, AclToken::hash)));
        Map<String, AclToken> byId = global.stream().collect(Collectors.toMap(AclToken::accessorId, t -> t));
        apply(diff.commands(diff.upserts().stream().map(byId::get).toList(), BATCH_SIZE,
                AclCommand::replicateTokens));
        return listed.index();
    }

    private static <T> Map<String, String> hashes(List<T> records, Function<T, String> id,
            Function<T, String> hash) {
        return records.stream().collect(Collectors.toMap(id, hash, (a, b) -> a));
    }

    /** A list the primary answered, with its {@code X-Consul-Index}. */
    private record Listed<T>(List<T> items, long index) {
    }

    private <T> Listed<T> list(String path, long index, TypeReference<List<T>> type)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(path, "index=" + index + "&wait=" + WAIT);
        long answered = response.headers().firstValue("X-Consul-Index").map(Long::parseLong).orElse(0L);
        return new Listed<>(JSON.readValue(response.body(), type), answered);
    }

    private HttpResponse<byte[]> get(String path, String query) throws IOException, InterruptedException {
        PrimaryApi api = primary.orElseThrow(() -> new IllegalStateException("no primary datacenter"));
        HttpResponse<byte[]> response;
        try {
            response = api.send("GET", path, query, settings.replicationToken(), new byte[0], REQUEST_TIMEOUT)
                    .get(REQUEST_TIMEOUT.toMillis() + RETRY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("GET " + path + " in " + api.datacenter() + ": " + cause, cause);
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " in " + api.datacenter() + ": " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8).trim());
        }
        return response;
    }

    private void apply(List<AclCommand> commands) throws IOException, InterruptedException {
        for (AclCommand command : commands) {
            try {
                raft.submit(AclCommandHandler.COMMAND_TYPE, command.encode()).toCompletableFuture()
                        .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new IOException("could not apply " + command.op() + ": " + cause.getMessage(), cause);
            }
        }
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        loops.shutdownNow();
    }
}
