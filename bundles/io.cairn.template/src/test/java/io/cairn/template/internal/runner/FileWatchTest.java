package io.cairn.template.internal.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.template.internal.data.FileDependency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWatchTest {
    @TempDir
    Path dir;

    record File(Path path) implements FileDependency {
        @Override
        public String describe() {
            return "file(" + path + ")";
        }
    }

    @Test
    void reportsAMissingFileOnceThenEachNewContent() throws Exception {
        Path file = dir.resolve("app.conf");
        ApiWatchTest.FakeScheduler scheduler = new ApiWatchTest.FakeScheduler();
        ApiWatchTest.Sink sink = new ApiWatchTest.Sink();
        FileWatch watch = new FileWatch(new File(file), scheduler, sink);
        watch.start();
        scheduler.runNext();
        assertEquals(1, sink.events.size(), "the same problem is reported once: " + sink.events);
        assertTrue(sink.events.get(0).startsWith("failed: file(" + file + "): cannot read " + file),
                sink.events.get(0));

        Files.writeString(file, "a=1");
        scheduler.runNext();
        scheduler.runNext();
        Files.writeString(file, "a=2");
        scheduler.runNext();
        assertEquals(List.of("file(" + file + ")=a=1", "file(" + file + ")=a=2"), sink.events.subList(1, 3));
        assertEquals(FileWatch.POLL_INTERVAL, scheduler.delays.get(0));

        watch.stop();
        scheduler.runNext();
        assertTrue(scheduler.tasks.isEmpty(), "a stopped watch polls no more");
    }
}
