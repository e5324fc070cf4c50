package io.cairn.http.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.cairn.json.lang.GoJson;

/** The JSON rules shared by every endpoint: Go's decoding rules ({@link GoJson}) and Go's {@code MarshalIndent} look. */
final class Json {
    private final ObjectMapper mapper;
    private final ObjectWriter compact;
    private final ObjectWriter pretty;

    Json() {
        // Go's encoding/json rules (case-insensitive names, unknown fields ignored, no scalar coercion) live once.
        mapper = GoJson.newMapper();
        compact = mapper.writer();
        // Consul's ?pretty: 4-space indent, "key": value, every array element on its own line, [] and {} kept tight.
        DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        pretty = mapper.writer(printer);
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** Serialises {@code body}; pretty output ends with a newline like Consul's. */
    byte[] write(Object body, boolean indent) {
        try {
            if (!indent) {
                return compact.writeValueAsBytes(body);
            }
            return (pretty.writeValueAsString(body) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to encode response: " + e.getMessage(), e);
        }
    }
}
