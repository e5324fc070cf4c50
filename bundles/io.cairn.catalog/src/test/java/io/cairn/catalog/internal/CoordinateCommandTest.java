package io.cairn.catalog.internal;

import static io.cairn.catalog.internal.Fixtures.apply;
import static io.cairn.catalog.internal.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cairn.catalog.api.Coordinates;
import io.cairn.catalog.api.Deregistration;
import io.cairn.raft.testing.InMemoryState;

class CoordinateCommandTest {

    private final InMemoryState state = new InMemoryState();
    private final CoordinateCommandHandler handler = new CoordinateCommandHandler();

    /** A valid coordinate for {@code node}, {@code x} seconds along the first axis. */
    static StoredCoordinate coordinate(String node, double x) {
        List<Double> vec = new ArrayList<>(Collections.nCopies(8, 0.0));
        vec.set(0, x);
        return new StoredCoordinate(node, "", vec, 0.2, 0.0, 1.0e-5);
    }

    private void applyBatch(StoredCoordinate... updates) {
        byte[] payload = new CoordinateCommand(List.of(updates)).encode();
        handler.validate(payload);
        handler.apply(payload, state.next());
    }

    private List<String> storedNodes() {
        return CoordinateTable.all(state).stream().map(StoredCoordinate::node).toList();
    }

    @Test
    void storesTheCoordinatesOfCatalogNodesAndSkipsUnknownNodes() {
        apply(state, node("n1", Map.of()));
        apply(state, node("n2", Map.of()));

        applyBatch(coordinate("n2", 0.02), coordinate("ghost", 0.01), coordinate("n1", 0.03));

        assertEquals(List.of("n1", "n2"), storedNodes());
        assertEquals(0.02, Coordinates.bySegment(state, "n2").get("").vec().get(0));
        assertEquals(state.commandIndex(), state.index(CoordinateTable.TABLE, ""));
    }

    @Test
    void aLaterUpdateReplacesTheNodesCoordinate() {
        apply(state, node("n1", Map.of()));
        applyBatch(coordinate("n1", 0.03));
        applyBatch(coordinate("n1", 0.04));

        assertEquals(List.of(coordinate("n1", 0.04)), CoordinateTable.ofNode(state, "n1"));
    }

    @Test
    void aBatchOnlyOfUnknownNodesChangesNothing() {
        applyBatch(coordinate("ghost", 0.01));

        assertTrue(storedNodes().isEmpty());
        assertEquals(0, state.index(CoordinateTable.TABLE, ""));
    }

    @Test
    void deregisteringANodeDeletesItsCoordinateOnly() {
        apply(state, node("n1", Map.of()));
        apply(state, node("n10", Map.of()));
        applyBatch(coordinate("n1", 0.01), coordinate("n10", 0.02));
        long before = state.index(CoordinateTable.TABLE, "");

        apply(state, new Deregistration("n1", null, null));

        assertEquals(List.of("n10"), storedNodes());
        assertTrue(state.index(CoordinateTable.TABLE, "") > before, "blocked coordinate reads wake");
    }

    @Test
    void deregisteringAServiceOrCheckKeepsTheCoordinate() {
        apply(state, node("n1", Map.of()));
        applyBatch(coordinate("n1", 0.01));

        apply(state, new Deregistration("n1", "web", null));
        apply(state, new Deregistration("n1", null, "serfHealth"));

        assertEquals(List.of("n1"), storedNodes());
    }

    @Test
    void deletingANodeInATransactionDeletesItsCoordinate() {
        apply(state, node("n1", Map.of()));
        applyBatch(coordinate("n1", 0.01));

        CatalogTxn.deregister(new Deregistration("n1", "", ""), state.next());

        assertTrue(storedNodes().isEmpty());
    }

    @Test
    void theLeaderRefusesBadBatchesWithConsulsWords() {
        List<Double> seven = Collections.nCopies(7, 0.0);
        assertEquals("incompatible coordinate: Vec must have 8 components, not 7", refusal(
                new StoredCoordinate("n1", "", seven, 0.2, 0.0, 1.0e-5)));
        List<Double> withNaN = new ArrayList<>(Collections.nCopies(8, 0.0));
        withNaN.set(3, Double.NaN);
        assertEquals("invalid coordinate: Vec, Error, Adjustment and Height must all be finite numbers", refusal(
                new StoredCoordinate("n1", "", withNaN, 0.2, 0.0, 1.0e-5)));
        assertEquals("invalid coordinate: Vec, Error, Adjustment and Height must all be finite numbers", refusal(
                new StoredCoordinate("n1", "", Collections.nCopies(8, 0.0), 0.2, Double.POSITIVE_INFINITY, 0.0)));
        assertEquals("Missing node name", refusal(coordinate("", 0.01)));

        assertEquals("A coordinate batch holds 1 to 128 updates, not 0", assertThrows(IllegalArgumentException.class,
                () -> handler.validate(new CoordinateCommand(List.of()).encode())).getMessage());
        List<StoredCoordinate> tooMany = new ArrayList<>();
        for (int i = 0; i <= CoordinateUpdates.BATCH_SIZE; i++) {
            tooMany.add(coordinate("n" + i, 0.01));
        }
        assertThrows(IllegalArgumentException.class,
                () -> handler.validate(new CoordinateCommand(tooMany).encode()));
        assertThrows(IllegalArgumentException.class,
                () -> handler.validate("{\"nope\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void encodingRoundTrips() {
        CoordinateCommand command = new CoordinateCommand(List.of(coordinate("n1", 0.01), coordinate("n2", 0.5)));
        assertEquals(command, CoordinateCommand.decode(command.encode()));
    }

    private String refusal(StoredCoordinate update) {
        return assertThrows(IllegalArgumentException.class,
                () -> handler.validate(new CoordinateCommand(List.of(update)).encode())).getMessage();
    }
}
