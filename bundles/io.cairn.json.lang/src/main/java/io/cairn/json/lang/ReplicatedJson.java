package io.cairn.json.lang;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON for the records and commands replicated through Raft: fields and map entries sorted, so that every server
 * writes the same bytes for the same value (the catalog compares encodings to skip writes that change nothing), and
 * unknown fields refused when reading, so that a server that cannot fully read a committed command stops rather
 * than apply part of it. Field names are part of the replicated format.
 */
public final class ReplicatedJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ReplicatedJson() {
    }

    /**
     * {@code value}'s encoding.
     *
     * @throws IllegalStateException when Jackson cannot encode its type
     */
    public static byte[] encode(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * The {@code type} that {@code bytes} encode.
     *
     * @throws IllegalArgumentException {@code Corrupt <type>: <why>} when they do not
     */
    public static <T> T decode(byte[] bytes, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("Corrupt " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
