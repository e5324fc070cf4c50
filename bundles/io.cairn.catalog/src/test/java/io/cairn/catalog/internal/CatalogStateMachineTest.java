package io.cairn.catalog.internal;

import io.cairn.raft.testing.InMemoryState;
import static io.cairn.catalog.internal.Fixtures.apply;
import static io.cairn.catalog.internal.Fixtures.check;
import static io.cairn.catalog.internal.Fixtures.instance;
import static io.cairn.catalog.internal.Fixtures.node;
import static io.cairn.catalog.internal.Fixtures.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.Registration;
import io.cairn.catalog.api.ServiceQuery;
import io.cairn.health.api.CheckStatus;

class CatalogStateMachineTest {

    private final InMemoryState state = new InMemoryState();
    /** Shared by every read, so answers after each command also cover reuse of decoded records. */
    private final DecodedRecords records = new DecodedRecords(RaftCatalog.DECODED_RECORDS);

    private CatalogReads reads() {
        return new CatalogReads(state, "dc1", records);
    }

    @Test
    void registrationAppliesConsulDefaults() {
        HealthCheck unnamedId = new HealthCheck(null, "", "alive", null, null, null, "redis", null, null, null,
                null, 0, 0);
        assertEquals(Optional.empty(), apply(state, instance("n1", service("", "redis", "primary"), unnamedId)));

        NodeService stored = reads().nodeServices("n1").orElseThrow().services().get(0);
        assertEquals("redis", stored.id());
        HealthCheck check = reads().nodeChecks("n1").get(0);
        assertEquals("alive", check.checkId());
        assertEquals(CheckStatus.CRITICAL, check.status());
        assertEquals("n1", check.node());
        assertEquals("redis", check.serviceName());
        assertEquals(List.of("primary"), check.serviceTags());
        assertEquals(1, check.createIndex());
    }

    @Test
    void checkForUnknownServiceIsRefusedAndChangesNothing() {
        Optional<String> refusal = apply(state, instance("n1", null, check("c", "ghost", CheckStatus.PASSING)));

        assertEquals(Optional.of("Missing service registration"), refusal);
        assertTrue(reads().nodes(Map.of()).isEmpty());
        assertEquals(0, state.index(CatalogKeys.TABLE, ""));
    }

    @Test
    void checkMayNameAServiceRegisteredEarlier() {
        apply(state, instance("n1", service("web-1", "web", "v2")));
        assertEquals(Optional.empty(), apply(state, instance("n1", null, check("c", "web-1", CheckStatus.PASSING))));
        assertEquals(List.of("v2"), reads().nodeChecks("n1").get(0).serviceTags());
    }

    @Test
    void reRegisteringTheSameThingKeepsIndexes() {
        Registration r = instance("n1", service("web-1", "web"), check("c", "web-1", CheckStatus.PASSING));
        apply(state, r);
        long before = state.index(CatalogKeys.TABLE, "");
        apply(state, r);
        assertEquals(before, state.index(CatalogKeys.TABLE, ""));
    }

    @Test
    void skipNodeUpdateLeavesAnExistingNodeAlone() {
        apply(state, node("n1", Map.of("rack", "a")));
        Registration skip = new Registration("", "n1", "", null, Map.of("rack", "b"), service("web-1", "web"),
                List.of(), true);
        assertEquals(Optional.empty(), apply(state, skip));

        assertEquals("a", reads().node("n1").orElseThrow().meta().get("rack"));
        assertEquals(1, reads().nodeServices("n1").orElseThrow().services().size());
    }

    @Test
    void updatingAServiceRefreshesItsChecksAndRenameMovesTheNameIndex() {
        apply(state, instance("n1", service("s1", "web", "v1"), check("c", "s1", CheckStatus.PASSING)));
        apply(state, instance("n1", service("s1", "api", "v2")));

        HealthCheck check = reads().nodeChecks("n1").get(0);
        assertEquals("api", check.serviceName());
        assertEquals(List.of("v2"), check.serviceTags());
        assertTrue(reads().serviceEntries("web", ServiceQuery.ALL).isEmpty());
        assertEquals(1, reads().serviceEntries("api", ServiceQuery.ALL).size());
    }

    @Test
    void deregisteringANodeRemovesEverythingOnIt() {
        apply(state, instance("n1", service("s1", "web"), check("c", "s1", CheckStatus.PASSING)));
        apply(state, instance("n10", service("s1", "web")));
        apply(state, new Deregistration("n1", null, null));

        assertEquals(List.of("n10"), reads().nodes(Map.of()).stream().map(n -> n.node()).toList());
        assertTrue(reads().nodeChecks("n1").isEmpty());
        assertEquals(1, reads().serviceEntries("web", ServiceQuery.ALL).size());
        assertEquals(state.commandIndex(), state.index(CatalogKeys.TABLE, ""), "deletions count in the index");
    }

    @Test
    void deregisteringAServiceRemovesItsChecksOnly() {
        apply(state, instance("n1", service("s1", "web"), check("c1", "s1", CheckStatus.PASSING),
                check("node-check", null, CheckStatus.PASSING)));
        apply(state, new Deregistration("n1", "s1", null));

        assertTrue(reads().nodeServices("n1").orElseThrow().services().isEmpty());
        assertEquals(List.of("node-check"), reads().nodeChecks("n1").stream().map(HealthCheck::checkId).toList());
        assertTrue(reads().serviceEntries("web", ServiceQuery.ALL).isEmpty());
    }

    @Test
    void deregisteringACheckRemovesOnlyThatCheck() {
        apply(state, instance("n1", service("s1", "web"), check("c1", "s1", CheckStatus.PASSING),
                check("c2", "s1", CheckStatus.PASSING)));
        apply(state, new Deregistration("n1", null, "c1"));

        assertEquals(List.of("c2"), reads().nodeChecks("n1").stream().map(HealthCheck::checkId).toList());
        assertEquals(1, reads().nodeServices("n1").orElseThrow().services().size());
    }

    @Test
    void statelessValidationUsesConsulMessages() {
        assertEquals("Missing node name", assertThrows(IllegalArgumentException.class,
                () -> CatalogCommand.register(instance("", null))).getMessage());
        assertEquals("Missing node address", assertThrows(IllegalArgumentException.class,
                () -> CatalogCommand.register(new Registration("", "n1", "", null, null, null, null, false)))
                .getMessage());
        assertEquals("Missing service name", assertThrows(IllegalArgumentException.class,
                () -> CatalogCommand.register(instance("n1", service("x", "")))).getMessage());
        assertEquals("Missing node name", assertThrows(IllegalArgumentException.class,
                () -> CatalogCommand.deregister(new Deregistration("", "s", null))).getMessage());
    }

    @Test
    void handlerValidatesDecodedCommandsAndEncodingRoundTrips() {
        CatalogCommand command = CatalogCommand.register(
                instance("n1", service("s1", "web", "a"), check("c", "s1", CheckStatus.WARNING)));
        CatalogCommand decoded = CatalogCommand.decode(command.encode());
        assertEquals(command, decoded);

        byte[] badStatus = new String(command.encode(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"status\":\"warning\"", "\"status\":\"fine\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("Bad check status", assertThrows(IllegalArgumentException.class,
                () -> new CatalogCommandHandler().validate(badStatus)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CatalogCommandHandler().validate(new byte[] {1}));
        assertFalse(CatalogStateMachine.decodeResult(new byte[0]).isPresent());
    }
}
