package io.cairn.session.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import io.cairn.raft.api.Consistency;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The replicated sessions of this datacenter.
 * <p>
 * Writes go through the Raft log and complete once applied on this server. {@link #create} fails with
 * {@link IllegalArgumentException} for a request that is wrong on its face (Consul's texts:
 * {@code Invalid Session TTL '<ns>', must be between [10s=24h0m0s]}, ...) and with {@link IllegalStateException}
 * when the catalog refuses the binding ({@code Missing node registration}, {@code Missing check '<id>'
 * registration}, {@code Check '<id>' is in critical state}). Reads wait for the consistency barrier.
 */
@ProviderType
public interface Sessions {

    /** The replicated table of sessions; one record per session, keyed by {@link Session#id()}. */
    String TABLE = "session";

    /** The Raft command type the session handler owns. */
    String COMMAND_TYPE = "session";

    /** Shortest TTL a session may have (Consul's {@code session_ttl_min} default). */
    Duration MIN_TTL = Duration.ofSeconds(10);

    /** Longest TTL a session may have. */
    Duration MAX_TTL = Duration.ofHours(24);

    /** Longest lock delay; longer requests are cut to it. */
    Duration MAX_LOCK_DELAY = Duration.ofSeconds(60);

    /** Creates a session; completes with its ID. */
    CompletionStage<String> create(SessionRequest request);

    /** Destroys a session, releasing or deleting its keys; completes normally also if it did not exist. */
    CompletionStage<Void> destroy(String id);

    /** Restarts a TTL session's timer on the leader; empty if the session does not exist. */
    CompletionStage<Optional<Session>> renew(String id);

    /** The session with this ID, if it exists. */
    CompletionStage<Optional<Session>> get(String id, Consistency consistency);

    /** All sessions, by ID. */
    CompletionStage<List<Session>> list(Consistency consistency);

    /** The sessions bound to {@code node}, by ID. */
    CompletionStage<List<Session>> node(String node, Consistency consistency);
}
