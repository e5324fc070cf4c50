package io.cairn.session.internal;

import java.time.Duration;
import java.util.List;

import io.cairn.json.lang.ReplicatedJson;
import io.cairn.raft.api.Entry;
import io.cairn.session.api.ServiceCheck;
import io.cairn.session.api.Session;
import io.cairn.session.api.SessionBehavior;

/**
 * What the {@value io.cairn.session.api.Sessions#TABLE} table stores per session: the API record minus the
 * indexes (the Raft core's {@link Entry} has them), durations in nanoseconds. Encoded as {@link ReplicatedJson}.
 */
public record StoredSession(String id, String name, String node, long lockDelayNanos, String behavior,
        long ttlNanos, List<String> nodeChecks, List<String> serviceChecks) {

    public StoredSession {
        nodeChecks = nodeChecks == null ? List.of() : List.copyOf(nodeChecks);
        serviceChecks = serviceChecks == null ? List.of() : List.copyOf(serviceChecks);
    }

    Session toApi(Entry entry) {
        return new Session(id, name, node, Duration.ofNanos(lockDelayNanos), behaviorValue(),
                Duration.ofNanos(ttlNanos), nodeChecks,
                serviceChecks.stream().map(c -> new ServiceCheck(c, "")).toList(),
                entry.createIndex(), entry.modifyIndex());
    }

    SessionBehavior behaviorValue() {
        return SessionBehavior.of(behavior).orElseThrow(
                () -> new IllegalStateException("Corrupt session " + id + ": behavior '" + behavior + "'"));
    }

    byte[] encode() {
        return ReplicatedJson.encode(this);
    }

    static StoredSession decode(byte[] bytes) {
        return ReplicatedJson.decode(bytes, StoredSession.class);
    }

    /** The API view of a stored table entry. */
    static Session read(Entry entry) {
        return decode(entry.value()).toApi(entry);
    }
}
