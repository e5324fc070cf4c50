package io.cairn.coordinate;

import static io.cairn.coordinate.CoordinateTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class VivaldiClientTest {

    private final VivaldiClient client = new VivaldiClient(new Random(1), 100);

    @Test
    void startsAtTheOrigin() {
        assertEquals(Coordinate.origin(), client.coordinate());
        assertEquals(new VivaldiClient.Stats(0, 0), client.stats());
    }

    @Test
    void movesAwayFromANodeThatIsFartherThanItLooks() {
        Coordinate above = at(1.5, 0, Coordinate.HEIGHT_MIN, 0, 0, 0.001);
        Coordinate after = client.update("above", above, Duration.ofMillis(2));
        assertTrue(after.vec().get(2) < 0.0, "moved down, away from it: " + after);
        assertSame(after, client.coordinate());
    }

    @Test
    void movesTowardsANodeThatIsCloserThanItLooks() {
        Coordinate far = at(1.5, 0, Coordinate.HEIGHT_MIN, 0.100);
        Coordinate after = client.update("far", far, Duration.ofMillis(10));
        assertTrue(after.vec().get(0) > 0.0, "moved towards it: " + after);
    }

    @Test
    void refusesAnInvalidCoordinateAndStaysWhereItWas() {
        Coordinate before = client.coordinate();
        assertThrows(IllegalArgumentException.class,
                () -> client.update("n", at(1, 0, 0, Double.NaN), Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class,
                () -> client.update("n", new Coordinate(List.of(0.0, 0.0), 1, 0, 0), Duration.ofMillis(1)));
        assertThrows(NullPointerException.class, () -> client.update("n", null, Duration.ofMillis(1)));
        assertSame(before, client.coordinate());
    }

    @Test
    void ignoresRoundTripsThatAreNotPositiveOrAboveTenSeconds() {
        Coordinate other = at(1, 0, Coordinate.HEIGHT_MIN, 0.010);
        assertSame(Coordinate.origin(), client.update("n", other, Duration.ZERO));
        assertSame(Coordinate.origin(), client.update("n", other, Duration.ofMillis(-5)));
        assertSame(Coordinate.origin(), client.update("n", other, Duration.ofSeconds(10).plusNanos(1)));
        assertEquals(new VivaldiClient.Stats(0, 3), client.stats());
        assertNotEquals(Coordinate.origin(), client.update("n", other, Duration.ofSeconds(10)));
    }

    @Test
    void startsAgainFromTheOriginWhenTheCoordinateStopsBeingFinite() {
        double huge = 1.0e300; // finite, but its square is not
        Coordinate extreme = at(1, 0, 0, huge, huge, huge, huge, huge, huge, huge, huge);
        assertEquals(Coordinate.origin(), client.update("extreme", extreme, Duration.ofMillis(1)));
        assertEquals(new VivaldiClient.Stats(1, 0), client.stats());
    }

    @Test
    void theSameSeedAndObservationsGiveTheSameCoordinate() {
        RttSimulation first = RttSimulation.line(10, 0.010);
        RttSimulation second = RttSimulation.line(10, 0.010);
        first.run(200);
        second.run(200);
        for (int i = 0; i < 10; i++) {
            assertEquals(first.coordinate(i), second.coordinate(i));
        }
    }

    @Test
    void nodesOnALineLearnTheirRoundTrips() {
        RttSimulation line = RttSimulation.line(10, 0.010);
        line.run(1000);
        RttSimulation.Accuracy accuracy = line.accuracy();
        // Serf's own bounds for this layout are 0.0031 and 0.013
        assertTrue(accuracy.meanRelativeError() < 0.005 && accuracy.maxRelativeError() < 0.02, accuracy.toString());
    }

    @Test
    void twoClustersLearnNearAndFar() {
        RttSimulation split = RttSimulation.twoClusters(24, 0.001, 0.010);
        split.run(1000);
        RttSimulation.Accuracy accuracy = split.accuracy();
        // Serf's own bounds for this layout are 0.00006 and 0.00048
        assertTrue(accuracy.meanRelativeError() < 0.0002 && accuracy.maxRelativeError() < 0.002, accuracy.toString());
        // the estimate sorts a node's own cluster before the other one, which is what ?near= needs
        Duration nearest = split.estimate(0, 1);
        Duration farthest = split.estimate(0, 12);
        assertTrue(nearest.compareTo(Duration.ofMillis(2)) < 0, "same cluster: " + nearest);
        assertTrue(farthest.compareTo(Duration.ofMillis(9)) > 0, "other cluster: " + farthest);
    }

    @Test
    void confidenceGrowsAsObservationsAgree() {
        RttSimulation line = RttSimulation.line(10, 0.010);
        line.run(1000);
        for (int i = 0; i < 10; i++) {
            assertTrue(line.coordinate(i).error() < 0.05, "node " + i + ": " + line.coordinate(i));
        }
    }
}
