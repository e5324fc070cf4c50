package io.cairn.raft.internal.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

class CommandBatcherTest {

    /** Records each entry sent; the test completes them. Outcomes are the commands upper-cased. */
    static final class Entries {
        final List<List<String>> sent = new ArrayList<>();
        final List<CompletableFuture<List<String>>> replies = new ArrayList<>();

        synchronized CompletionStage<List<String>> send(List<String> commands) {
            sent.add(commands);
            CompletableFuture<List<String>> reply = new CompletableFuture<>();
            replies.add(reply);
            return reply;
        }

        void commit(int entry) {
            replies.get(entry).complete(sent.get(entry).stream().map(String::toUpperCase).toList());
        }
    }

    /** Runs outcomes and next sends on the calling thread, as a direct executor. */
    private static final Executor DIRECT = Runnable::run;

    @Test
    void aLoneCommandGoesStraightThrough() throws Exception {
        Entries entries = new Entries();
        CommandBatcher<String, String> batcher = new CommandBatcher<>(entries::send, String::length, 2, 100, 100,
                DIRECT);
        CompletableFuture<String> a = batcher.submit("a");
        assertEquals(List.of(List.of("a")), entries.sent);
        entries.commit(0);
        assertEquals("A", a.get());
    }

    @Test
    void commandsArrivingWhileEntriesAreOutstandingLeaveTogetherInOrder() throws Exception {
        Entries entries = new Entries();
        CommandBatcher<String, String> batcher = new CommandBatcher<>(entries::send, String::length, 2, 100, 100,
                DIRECT);
        List<CompletableFuture<String>> outcomes = new ArrayList<>();
        for (String c : List.of("a", "b", "c", "d", "e")) {
            outcomes.add(batcher.submit(c));
        }
        // two entries in flight, the other three wait
        assertEquals(List.of(List.of("a"), List.of("b")), entries.sent);
        entries.commit(1);
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c", "d", "e")), entries.sent);
        assertEquals("B", outcomes.get(1).get());
        assertFalse(outcomes.get(0).isDone());
        entries.commit(0);
        entries.commit(2);
        assertEquals(List.of("A", "B", "C", "D", "E"), outcomes.stream().map(CompletableFuture::join).toList());
    }

    @Test
    void entriesRespectTheCommandAndByteLimitsAndABigCommandGoesAlone() {
        Entries entries = new Entries();
        CommandBatcher<String, String> batcher = new CommandBatcher<>(entries::send, String::length, 1, 3, 6,
                DIRECT);
        for (String c : List.of("first", "a", "b", "c", "d", "eeeee", "ffffff", "gggggggg", "h")) {
            batcher.submit(c);
        }
        for (int i = 0; i < 5; i++) {
            entries.commit(i);
        }
        assertEquals(List.of(List.of("first"), List.of("a", "b", "c"), List.of("d", "eeeee"), List.of("ffffff"),
                List.of("gggggggg"), List.of("h")), entries.sent);
    }

    @Test
    void aFailedEntryFailsItsCommandsAndTheNextEntryIsStillSent() {
        Entries entries = new Entries();
        CommandBatcher<String, String> batcher = new CommandBatcher<>(entries::send, String::length, 1, 100, 100,
                DIRECT);
        CompletableFuture<String> a = batcher.submit("a");
        CompletableFuture<String> b = batcher.submit("b");
        IllegalStateException noLeader = new IllegalStateException("no leader");
        entries.replies.get(0).completeExceptionally(noLeader);
        ExecutionException failed = assertThrows(ExecutionException.class, a::get);
        assertSame(noLeader, failed.getCause());
        assertEquals(List.of(List.of("a"), List.of("b")), entries.sent);
        entries.commit(1);
        assertEquals("B", b.join());
    }

    @Test
    void aSenderThatThrowsFailsItsCommandsAndFreesTheSlot() {
        List<List<String>> sent = new ArrayList<>();
        CommandBatcher<String, String> batcher = new CommandBatcher<>(commands -> {
            sent.add(commands);
            if (commands.contains("bad")) {
                throw new IllegalArgumentException("cannot send");
            }
            return CompletableFuture.completedFuture(commands);
        }, String::length, 1, 100, 100, DIRECT);
        assertTrue(batcher.submit("bad").isCompletedExceptionally());
        assertEquals("good", batcher.submit("good").join());
    }

    @Test
    void outcomesAreDeliveredOnTheCompletionsExecutorNotTheCompletingThread() {
        Entries entries = new Entries();
        List<Runnable> queued = new ArrayList<>();
        CommandBatcher<String, String> batcher = new CommandBatcher<>(entries::send, String::length, 1, 100, 100,
                queued::add);
        CompletableFuture<String> a = batcher.submit("a");
        CompletableFuture<String> b = batcher.submit("b");
        entries.commit(0);
        assertFalse(a.isDone(), "delivered on the committing thread");
        assertEquals(1, entries.sent.size(), "the next entry was sent from the committing thread");
        queued.remove(0).run();
        assertEquals("A", a.join());
        assertEquals(List.of(List.of("a"), List.of("b")), entries.sent);
        assertFalse(b.isDone());
    }
}
