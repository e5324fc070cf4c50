package io.cairn.gossip.internal.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ExecutorSchedulerTest {

    @Test
    void runsTasksInOrderAndNotCancelledOnes() throws InterruptedException {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (ExecutorScheduler scheduler = new ExecutorScheduler("test-gossip")) {
            scheduler.schedule(Duration.ZERO, () -> ran.add("first"));
            scheduler.schedule(Duration.ofMillis(20), () -> ran.add("cancelled")).cancel();
            scheduler.schedule(Duration.ofMillis(40), () -> {
                ran.add("last");
                done.countDown();
            });

            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("first", "last"), ran);
    }
}
