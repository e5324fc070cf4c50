package io.cairn.session.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import io.cairn.health.api.CheckStatus;
import io.cairn.raft.api.Consistency;
import io.cairn.session.api.ServiceCheck;
import io.cairn.session.api.Session;
import io.cairn.session.api.SessionBehavior;
import io.cairn.session.api.SessionRequest;

import org.junit.jupiter.api.Test;

class RaftSessionsTest {

    private final SessionTimers timers = new SessionTimers(() -> 0);
    private final SessionRaft raft = new SessionRaft(timers);
    private final FakeCatalog catalog = new FakeCatalog();
    private final RaftSessions sessions = new RaftSessions(raft, catalog);

    private static SessionRequest request(String node, List<String> checks, List<ServiceCheck> services) {
        return new SessionRequest("name", node, Duration.ofSeconds(15), SessionBehavior.RELEASE,
                Duration.ofSeconds(30), checks, services);
    }

    private Throwable refusal(SessionRequest request) {
        return assertThrows(CompletionException.class,
                () -> sessions.create(request).toCompletableFuture().join()).getCause();
    }

    @Test
    void createBindsToAnExistingNodeAndItsLiveChecks() {
        catalog.node("n1", Map.of("serfHealth", CheckStatus.PASSING, "web", CheckStatus.WARNING));
        String id = sessions.create(request("n1", List.of("serfHealth"), List.of(new ServiceCheck("web", ""))))
                .toCompletableFuture().join();
        Session s = sessions.get(id, Consistency.DEFAULT).toCompletableFuture().join().orElseThrow();
        assertEquals("n1", s.node());
        assertEquals(Duration.ofSeconds(30), s.ttl());
        assertEquals(List.of(s), sessions.node("n1", Consistency.STALE).toCompletableFuture().join());
        assertEquals(List.of(), sessions.node("n2", Consistency.STALE).toCompletableFuture().join());
    }

    @Test
    void createRefusesWithConsulTexts() {
        assertEquals("Missing node registration", refusal(request("n1", List.of(), List.of())).getMessage());
        catalog.node("n1", Map.of("serfHealth", CheckStatus.CRITICAL));
        assertEquals("Missing check 'other' registration",
                refusal(request("n1", List.of("other"), List.of())).getMessage());
        Throwable critical = refusal(request("n1", List.of("serfHealth"), List.of()));
        assertEquals(IllegalStateException.class, critical.getClass());
        assertEquals("Check 'serfHealth' is in critical state", critical.getMessage());
        assertEquals(0, raft.submitted(), "nothing refused reaches the log");
        SessionRequest badTtl = new SessionRequest("", "n1", null, null, Duration.ofSeconds(5), List.of(), null);
        assertEquals(IllegalArgumentException.class, refusal(badTtl).getClass());
    }

    @Test
    void renewAndDestroy() {
        catalog.node("n1", Map.of());
        String id = sessions.create(request("n1", List.of(), List.of())).toCompletableFuture().join();
        assertTrue(sessions.renew(id).toCompletableFuture().join().isPresent());
        sessions.destroy(id).toCompletableFuture().join();
        assertTrue(sessions.renew(id).toCompletableFuture().join().isEmpty());
        assertEquals(List.of(), sessions.list(Consistency.DEFAULT).toCompletableFuture().join());
    }
}
