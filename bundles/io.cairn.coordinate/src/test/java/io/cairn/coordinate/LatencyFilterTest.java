package io.cairn.coordinate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatencyFilterTest {

    @Test
    void answersTheMedianOfTheLastThreeSamplesPerNode() {
        LatencyFilter filter = new LatencyFilter(3, 10);
        assertEquals(0.010, filter.add("a", 0.010));
        assertEquals(0.500, filter.add("a", 0.500), "of two, the larger middle one");
        assertEquals(0.012, filter.add("a", 0.012), "one slow probe does not count");
        assertEquals(0.012, filter.add("a", 0.011), "0.010 fell out: 0.500, 0.012, 0.011");
        assertEquals(0.011, filter.add("a", 0.009), "0.500 fell out: 0.012, 0.011, 0.009");
        assertEquals(0.100, filter.add("b", 0.100), "each node has its own samples");
    }

    @Test
    void forgottenNodeStartsAgain() {
        LatencyFilter filter = new LatencyFilter(3, 10);
        filter.add("a", 0.010);
        filter.add("a", 0.010);
        filter.forget("a");
        assertEquals(0, filter.nodes());
        assertEquals(0.300, filter.add("a", 0.300));
    }

    @Test
    void keepsAtMostTheLimitForgettingTheNodeObservedLeastRecently() {
        LatencyFilter filter = new LatencyFilter(3, 2);
        filter.add("a", 0.010);
        filter.add("b", 0.020);
        filter.add("a", 0.010);
        filter.add("c", 0.030);
        assertEquals(2, filter.nodes());
        assertEquals(0.010, filter.add("a", 0.500), "a kept its samples: 0.010, 0.010, 0.500");
        assertEquals(0.900, filter.add("b", 0.900), "b was forgotten: only the new sample");
    }

    @Test
    void refusesEmptyBounds() {
        assertThrows(IllegalArgumentException.class, () -> new LatencyFilter(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new LatencyFilter(3, 0));
    }
}
