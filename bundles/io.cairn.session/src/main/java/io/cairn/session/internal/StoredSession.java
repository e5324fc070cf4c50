package io.cairn.session.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.cairn.raft.api.Entry;
import io.cairn.session.api.ServiceCheck;
import io.cairn.session.api.Session;
import io.cairn.session.api.SessionBehavior;

/**
 * What the {@value io.cairn.session.api.Sessions#TABLE} table stores per session: the API record minus the
 * indexes (the Raft core's {@link Entry} has them), durations in nanoseconds. JSON with sorted fields, so every
 * server writes the same bytes; field names are part of the replicated format.
 */
public record StoredSession(String id, String name, String node, long lockDelayNanos, String behavior,
        long ttlNanos, List<String> nodeChecks, List<String> serviceChecks) {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

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
        try {
            return MAPPER.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode session " + id, e);
        }
    }

    static StoredSession decode(byte[] bytes) {
        try {
            return MAPPER.readValue(bytes, StoredSession.class);
        } catch (IOException e) {
            throw new IllegalStateException("Corrupt session record: " + e.getMessage(), e);
        }
    }

    /** The API view of a stored table entry. */
    static Session read(Entry entry) {
        return decode(entry.value()).toApi(entry);
    }
}
