package io.cairn.catalog.internal;

import static io.cairn.catalog.internal.CoordinateCommandTest.coordinate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

/** The batcher, flushed by hand: batches of 2, at most 3 per flush. */
class CoordinateUpdatesTest {

    private final List<List<String>> written = new ArrayList<>();
    private final CoordinateUpdates updates = new CoordinateUpdates(2, 3, batch -> {
        written.add(batch.stream().map(c -> c.node() + "@" + c.vec().get(0)).toList());
        return CompletableFuture.completedFuture(null);
    });

    @Test
    void nothingIsWrittenBeforeAFlushAndAnEmptyFlushWritesNothing() {
        updates.offer(coordinate("n1", 0.1));
        assertTrue(written.isEmpty());
        updates.flush();
        updates.flush();
        assertEquals(List.of(List.of("n1@0.1")), written);
    }

    @Test
    void onlyANodesLatestUpdateIsWrittenInBatchesOfTheBatchSize() {
        updates.offer(coordinate("n1", 0.1));
        updates.offer(coordinate("n2", 0.2));
        updates.offer(coordinate("n1", 0.3));
        updates.offer(coordinate("n3", 0.4));

        updates.flush();

        assertEquals(List.of(List.of("n1@0.3", "n2@0.2"), List.of("n3@0.4")), written);
        assertEquals(0, updates.pending());
    }

    @Test
    void eachSegmentOfANodeIsKeptApart() {
        updates.offer(coordinate("s1", 0.1));
        StoredCoordinate other = coordinate("s1", 0.2);
        updates.offer(new StoredCoordinate("s1", "alpha", other.vec(), other.error(), other.adjustment(),
                other.height()));
        assertEquals(2, updates.pending());
    }

    @Test
    void updatesForMoreNodesThanTheBatchesHoldAreDiscardedUntilTheNextFlush() {
        for (int i = 1; i <= 6; i++) {
            assertTrue(updates.offer(coordinate("n" + i, 0.1)));
        }
        assertFalse(updates.offer(coordinate("n7", 0.1)), "a seventh node does not fit");
        assertTrue(updates.offer(coordinate("n1", 0.5)), "a buffered node's update still replaces its last");

        updates.flush();

        assertEquals(3, written.size());
        assertEquals("n1@0.5", written.get(0).get(0));
        assertTrue(updates.offer(coordinate("n7", 0.1)), "room again after the flush");
    }

    @Test
    void aFailedBatchEndsTheRoundAndItsUpdatesAreNotKept() {
        List<Integer> attempts = new ArrayList<>();
        CoordinateUpdates failing = new CoordinateUpdates(1, 5, batch -> {
            attempts.add(batch.size());
            return CompletableFuture.failedFuture(new IllegalStateException("no leader"));
        });
        failing.offer(coordinate("n1", 0.1));
        failing.offer(coordinate("n2", 0.1));

        assertThrows(CompletionException.class, failing::flush);

        assertEquals(List.of(1), attempts, "the second batch is not tried");
        assertEquals(0, failing.pending());
    }

    @Test
    void sizesBelowOneAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new CoordinateUpdates(0, 1, batch -> CompletableFuture.completedFuture(null)));
        assertThrows(IllegalArgumentException.class,
                () -> new CoordinateUpdates(1, 0, batch -> CompletableFuture.completedFuture(null)));
    }
}
