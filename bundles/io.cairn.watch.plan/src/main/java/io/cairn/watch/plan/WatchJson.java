package io.cairn.watch.plan;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The two ways Consul writes watch data: compact with a newline for handlers, indented for the terminal. */
public final class WatchJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultPrettyPrinter INDENTED;

    static {
        DefaultIndenter fourSpaces = new DefaultIndenter("    ", "\n");
        INDENTED = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
                .withObjectIndenter(fourSpaces)
                .withArrayIndenter(fourSpaces);
    }

    private WatchJson() {
    }

    /** As Go's {@code json.Encoder}: compact, one trailing newline (what a handler reads on stdin). */
    public static byte[] forHandler(JsonNode data) {
        try {
            return (JSON.writeValueAsString(data) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As Go's {@code json.MarshalIndent(data, "", "    ")} (what {@code cairn watch} prints without a handler). */
    public static String indented(JsonNode data) {
        try {
            return JSON.writer(INDENTED).writeValueAsString(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
