package io.cairn.watch.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class WatchDefinitionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static WatchDefinition parse(String json) throws Exception {
        return WatchDefinition.parse(JSON.readTree(json), "watches[0]");
    }

    @Test
    void scriptWatchWithArgsOrLegacyHandler() throws Exception {
        WatchDefinition args = parse("{\"type\":\"key\",\"key\":\"a/b\",\"args\":[\"/bin/h\",\"-x\"]}");
        assertEquals("a/b", args.spec().key());
        assertEquals(List.of("/bin/h", "-x"), args.command());
        WatchDefinition legacy = parse("{\"type\":\"services\",\"handler\":\"echo hi\"}");
        assertEquals(List.of("/bin/sh", "-c", "echo hi"), legacy.command());
    }

    @Test
    void httpWatchReadsItsHandlerConfig() throws Exception {
        WatchDefinition http = parse("{\"type\":\"checks\",\"handler_type\":\"http\",\"http_handler_config\":"
                + "{\"path\":\"http://localhost:8000/watch\",\"method\":\"put\",\"header\":{\"x-foo\":[\"bar\",\"baz\"]},"
                + "\"timeout\":\"1m30s\"}}");
        assertEquals("http://localhost:8000/watch", http.target().toString());
        assertEquals("PUT", http.method());
        assertEquals(Map.of("x-foo", List.of("bar", "baz")), http.headers());
        assertEquals(Duration.ofSeconds(90), http.timeout());
    }

    @Test
    void mistakesAreNamed() {
        assertEquals("watches[0]: Must specify a single key to watch",
                assertThrows(IllegalArgumentException.class, () -> parse("{\"type\":\"key\",\"args\":[\"x\"]}"))
                        .getMessage());
        assertEquals(true, assertThrows(IllegalArgumentException.class,
                () -> parse("{\"type\":\"nodes\",\"agrs\":[\"x\"]}")).getMessage().contains("[agrs]"));
        assertEquals(true, assertThrows(IllegalArgumentException.class,
                () -> parse("{\"type\":\"nodes\"}")).getMessage().contains("needs \"args\""));
    }
}
