package io.cairn.catalog.internal;

import static io.cairn.catalog.internal.CoordinateCommandTest.coordinate;
import static io.cairn.catalog.internal.Fixtures.apply;
import static io.cairn.catalog.internal.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.cairn.catalog.api.Proximity;
import io.cairn.raft.testing.InMemoryState;

/**
 * Coordinates on one axis, in seconds: src at 0, a at 0.035, b at 0.010, c at 0.020; d and e have none. All share
 * the same height, so the order follows the axis.
 */
class ProximityTest {

    private static final List<String> USUAL = List.of("a", "b", "c", "d", "e", "src");

    private final InMemoryState state = new InMemoryState();

    ProximityTest() {
        for (String name : USUAL) {
            apply(state, node(name, Map.of()));
        }
        store(coordinate("src", 0.0), coordinate("a", 0.035), coordinate("b", 0.010), coordinate("c", 0.020));
    }

    private void store(StoredCoordinate... coordinates) {
        new CoordinateCommand(List.of(coordinates)).apply(state.next());
    }

    private List<String> near(String source) {
        return Proximity.from(state, Optional.of(source)).sort(USUAL, Function.identity());
    }

    @Test
    void nearestFirstAndNodesWithoutACoordinateLastInTheirUsualOrder() {
        assertEquals(List.of("src", "b", "c", "a", "d", "e"), near("src"));
        assertEquals(List.of("c", "b", "a", "src", "d", "e"), near("c"));
    }

    @Test
    void aSourceWithoutACoordinateLeavesTheUsualOrder() {
        assertEquals(USUAL, near("d"));
        assertEquals(USUAL, near("nobody"));
        assertEquals(USUAL, Proximity.NONE.sort(USUAL, Function.identity()));
    }

    @Test
    void everyResultOfANodeTakesItsNodesPlace() {
        record Check(String node, String id) {
        }
        List<Check> checks = List.of(new Check("a", "1"), new Check("d", "2"), new Check("b", "3"),
                new Check("a", "4"));

        List<Check> sorted = Proximity.from(state, Optional.of("src")).sort(checks, Check::node);

        assertEquals(List.of("3", "1", "4", "2"), sorted.stream().map(Check::id).toList());
    }

    @Test
    void aClientsOnlySegmentIsTheOneCompared() {
        StoredCoordinate far = coordinate("b", 0.050);
        store(new StoredCoordinate("b", "alpha", far.vec(), far.error(), far.adjustment(), far.height()));
        StoredCoordinate near = coordinate("src", 0.050);
        store(new StoredCoordinate("src", "alpha", near.vec(), near.error(), near.adjustment(), near.height()));

        // src has two segments and b now too, so they meet in the default one; e has only "alpha" and is compared
        // there.
        StoredCoordinate onlyAlpha = coordinate("e", 0.049);
        store(new StoredCoordinate("e", "alpha", onlyAlpha.vec(), onlyAlpha.error(), onlyAlpha.adjustment(),
                onlyAlpha.height()));

        assertEquals(List.of("src", "e", "b", "c", "a", "d"), near("src"));
    }
}
