package io.cairn.query.internal;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.cairn.raft.api.Entry;
import io.cairn.query.api.PreparedQuery;

/**
 * Encodes the {@value io.cairn.query.api.PreparedQueries#TABLE} records and the query commands as JSON with sorted
 * fields, so every server writes the same bytes. Records are stored without their indexes (the Raft core's
 * {@link Entry} has them); field names are part of the replicated format.
 */
final class QueryCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private QueryCodec() {
    }

    static byte[] encode(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    static <T> T decode(byte[] bytes, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("Corrupt " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The stored form of {@code query}: its indexes zeroed. */
    static byte[] record(PreparedQuery query) {
        return encode(query.withId(query.id(), 0, 0));
    }

    /** The query a table entry holds, with the entry's indexes. */
    static PreparedQuery read(Entry entry) {
        PreparedQuery stored = decode(entry.value(), PreparedQuery.class);
        return stored.withId(entry.key(), entry.createIndex(), entry.modifyIndex());
    }
}
