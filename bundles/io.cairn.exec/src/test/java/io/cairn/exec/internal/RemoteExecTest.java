package io.cairn.exec.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import io.cairn.event.api.UserEvent;
import io.cairn.event.api.UserEvents;

class RemoteExecTest {

    /** Events delivered to this agent in arrival order, with an index counting the arrivals. */
    static final class FakeEvents implements UserEvents {
        final List<UserEvent> events = new ArrayList<>();
        final List<CompletableFuture<Long>> waiters = new ArrayList<>();

        void arrive(String name, String payload) {
            arrive(name, payload, events.size() + 1);
        }

        void arrive(String name, String payload, long lTime) {
            events.add(new UserEvent(UUID.randomUUID().toString(), name, payload.getBytes(StandardCharsets.UTF_8),
                    "", "", "", 1, lTime));
            List<CompletableFuture<Long>> woken = new ArrayList<>(waiters);
            waiters.clear();
            woken.forEach(w -> w.complete((long) events.size()));
        }

        @Override
        public CompletionStage<UserEvent> fire(String name, byte[] payload, String n, String s, String t) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<List<UserEvent>> received() {
            return CompletableFuture.completedFuture(List.copyOf(events));
        }

        @Override
        public long changeIndex() {
            return events.size();
        }

        @Override
        public CompletableFuture<Long> awaitChange(long afterIndex) {
            if (events.size() > afterIndex) {
                return CompletableFuture.completedFuture((long) events.size());
            }
            CompletableFuture<Long> waiter = new CompletableFuture<>();
            waiters.add(waiter);
            return waiter;
        }
    }

    private final FakeEvents events = new FakeEvents();
    private final List<JobSpec.Location> ran = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    @Test
    void runsNewRemoteExecEventsOnlyAndNeverOldOnes() {
        events.arrive("_rexec", "{\"Prefix\":\"_rexec\",\"Session\":\"old\"}");
        RemoteExec exec = new RemoteExec(events, true, ran::add, Runnable::run, log::add);
        exec.start();
        events.arrive("deploy", "x");
        events.arrive("_rexec", "{\"Prefix\":\"jobs\",\"Session\":\"s1\"}");
        assertEquals(List.of(new JobSpec.Location("jobs", "s1")), ran);
        exec.stop();
        events.arrive("_rexec", "{\"Prefix\":\"jobs\",\"Session\":\"s2\"}");
        assertEquals(1, ran.size());
    }

    @Test
    void anEventWithAnEarlierLogicalTimeThanOneAlreadyRunIsRunToo() {
        RemoteExec exec = new RemoteExec(events, true, ran::add, Runnable::run, log::add);
        exec.start();
        events.arrive("_rexec", "{\"Prefix\":\"jobs\",\"Session\":\"s7\"}", 7);
        // fired elsewhere before s7 was, by an agent whose clock had not seen it: it arrives later
        events.arrive("_rexec", "{\"Prefix\":\"jobs\",\"Session\":\"s3\"}", 3);
        assertEquals(List.of(new JobSpec.Location("jobs", "s7"), new JobSpec.Location("jobs", "s3")), ran);
    }

    @Test
    void disabledAgentsOnlyLogThatTheyIgnoredTheJob() {
        RemoteExec exec = new RemoteExec(events, false, ran::add, Runnable::run, log::add);
        exec.start();
        events.arrive("_rexec", "{\"Prefix\":\"_rexec\",\"Session\":\"s1\"}");
        assertTrue(ran.isEmpty());
        assertEquals(1, log.size());
        assertTrue(log.get(0).contains("remote exec is disabled"), log.get(0));
    }

    @Test
    void eventsWithoutSessionAreIgnored() {
        RemoteExec exec = new RemoteExec(events, true, ran::add, Runnable::run, log::add);
        exec.start();
        events.arrive("_rexec", "{}");
        assertTrue(ran.isEmpty());
        assertTrue(log.get(0).contains("without a session"), log.get(0));
    }
}
