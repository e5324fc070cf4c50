package io.cairn.catalog.internal;

import java.io.IOException;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Encodes stored records and commands as JSON. The output must be byte-for-byte the same on every server for
 * the same value (it is compared to skip no-op writes), so map entries are written in key order. Unknown
 * fields fail decoding on purpose: a server that cannot fully read a committed command must stop rather than
 * apply part of it.
 */
final class CatalogCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private CatalogCodec() {
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
            throw new IllegalStateException("Corrupt catalog " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
