package io.cairn.watch.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cairn.watch.plan.AgentWatches;
import io.cairn.watch.plan.WatchDefinition;
import io.cairn.watch.plan.WatchSpec;

class WatchCommandsTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private int reloads;

    private final AgentWatches watches = new AgentWatches() {
        @Override
        public List<WatchDefinition> running() {
            return List.of(
                    new WatchDefinition(WatchSpec.of("service").withService("web").withTags(List.of("blue"))
                            .withPassingOnly(true), List.of("/bin/notify", "-x"), null, "", Map.of(), Duration.ZERO),
                    new WatchDefinition(WatchSpec.of("nodes"), List.of(), URI.create("http://127.0.0.1:9/hook"),
                            "POST", Map.of(), Duration.ofSeconds(10)));
        }

        @Override
        public List<String> reload() {
            reloads++;
            return List.of("config file x.json, watches[0]: Must specify a single key to watch");
        }
    };

    @Test
    void listShowsWhatEachWatchWatchesAndItsHandler() {
        ListCommand list = new ListCommand();
        list.watches = watches;
        list.run(out);
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("service=web tag=blue passingonly"), table);
        assertTrue(table.contains("/bin/notify -x"), table);
        assertTrue(table.contains("POST http://127.0.0.1:9/hook"), table);
    }

    @Test
    void reloadReportsProblemsAndTheCount() {
        ReloadCommand reload = new ReloadCommand();
        reload.watches = watches;
        reload.run(out);
        assertEquals(1, reloads);
        assertEquals("Error: config file x.json, watches[0]: Must specify a single key to watch\n2 watch(es) running\n",
                bytes.toString(StandardCharsets.UTF_8));
    }
}
