package io.cairn.catalog.internal;

import static io.cairn.catalog.internal.Fixtures.check;
import static io.cairn.catalog.internal.Fixtures.instance;
import static io.cairn.catalog.internal.Fixtures.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.cairn.catalog.api.Indexed;
import io.cairn.catalog.api.Registration;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.ServiceQuery;
import io.cairn.health.api.CheckStatus;
import io.cairn.raft.api.CommandRejectedException;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.testing.FakeRaft;

class RaftCatalogTest {

    private final FakeRaft raft =
            new FakeRaft().handle(CatalogStateMachine.COMMAND_TYPE, new CatalogCommandHandler());
    private final RaftCatalog catalog = new RaftCatalog(raft, new RaftCatalog.Config() {
        @Override
        public String datacenter() {
            return "dc1";
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return RaftCatalog.Config.class;
        }
    });

    @Test
    void writesGoThroughRaftAndReadsCarryTheIndex() {
        catalog.register(instance("n1", service("w", "web"), check("c", "w", CheckStatus.PASSING)))
                .toCompletableFuture().join();

        Indexed<List<ServiceEntry>> web = catalog.service("web", ServiceQuery.ALL, Consistency.STALE)
                .toCompletableFuture().join();
        assertEquals(1, web.value().size());
        assertEquals(1, web.index());
        assertEquals("dc1", web.value().get(0).node().datacenter());
    }

    @Test
    void stateRefusalsAndBadInputFailTheStage() {
        CompletionException refused = assertThrows(CompletionException.class, () -> catalog
                .register(instance("n1", null, check("c", "ghost", CheckStatus.PASSING))).toCompletableFuture()
                .join());
        assertInstanceOf(CommandRejectedException.class, refused.getCause());
        assertEquals("Missing service registration", refused.getCause().getMessage());

        CompletionException bad = assertThrows(CompletionException.class, () -> catalog
                .register(new Registration("", "", "a", null, null, null, null, false)).toCompletableFuture().join());
        assertInstanceOf(IllegalArgumentException.class, bad.getCause());
        assertEquals(1, raft.state().commandIndex(), "only the refused command reached the log, the bad one did not");
    }

    @Test
    void awaitChangeWakesOnlyAfterTheIndexMoves() {
        catalog.register(instance("n1", service("w", "web"))).toCompletableFuture().join();
        long index = catalog.nodes(Map.of(), Consistency.DEFAULT).toCompletableFuture().join().index();

        assertTrue(catalog.awaitChange(index - 1).isDone());
        CompletableFuture<Long> waiting = catalog.awaitChange(index);
        assertFalse(waiting.isDone());
    }
}
