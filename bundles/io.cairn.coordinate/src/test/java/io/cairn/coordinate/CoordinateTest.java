package io.cairn.coordinate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CoordinateTest {

    static Coordinate at(double error, double adjustment, double height, double... components) {
        List<Double> vec = new ArrayList<>(Collections.nCopies(Coordinate.DIMENSIONS, 0.0));
        for (int i = 0; i < components.length; i++) {
            vec.set(i, components[i]);
        }
        return new Coordinate(vec, error, adjustment, height);
    }

    @Test
    void originIsSerfsNewCoordinate() {
        Coordinate origin = Coordinate.origin();
        assertEquals(Collections.nCopies(8, 0.0), origin.vec());
        assertEquals(1.5, origin.error());
        assertEquals(0.0, origin.adjustment());
        assertEquals(10.0e-6, origin.height());
        assertTrue(origin.isValid());
    }

    @Test
    void distanceIsEuclideanPlusBothHeights() {
        Coordinate a = at(1, 0, 0.001, 0.003, 0.004);
        Coordinate b = at(1, 0, 0.002);
        // |(0.003, 0.004)| = 0.005, plus 0.001 and 0.002 of height
        assertEquals(Duration.ofMillis(8), a.distanceTo(b));
    }

    @Test
    void adjustmentsCountOnlyWhileTheEstimateStaysPositive() {
        Coordinate a = at(1, 0.002, 0, 0.005);
        Coordinate b = at(1, 0.001, 0);
        assertEquals(Duration.ofMillis(8), a.distanceTo(b));

        Coordinate shrinking = at(1, -0.004, 0, 0.005);
        assertEquals(Duration.ofMillis(2), shrinking.distanceTo(b));

        Coordinate tooNegative = at(1, -0.010, 0, 0.005);
        assertEquals(Duration.ofMillis(5), tooNegative.distanceTo(b), "the raw distance when adjusted is not > 0");
    }

    @Test
    void distanceIsSymmetricAndNeverNegative() {
        Random random = new Random(7);
        for (int n = 0; n < 1000; n++) {
            double[] va = new double[Coordinate.DIMENSIONS];
            double[] vb = new double[Coordinate.DIMENSIONS];
            for (int i = 0; i < va.length; i++) {
                va[i] = random.nextGaussian() * 0.1;
                vb[i] = random.nextGaussian() * 0.1;
            }
            Coordinate a = at(1, random.nextGaussian() * 0.05, random.nextDouble() * 0.01, va);
            Coordinate b = at(1, random.nextGaussian() * 0.05, random.nextDouble() * 0.01, vb);
            assertEquals(a.distanceTo(b), b.distanceTo(a));
            assertFalse(a.distanceTo(b).isNegative());
        }
    }

    @Test
    void onlyFiniteComponentsInEightDimensionsAreValid() {
        assertFalse(at(1, 0, 0, Double.NaN).isValid());
        assertFalse(at(1, 0, 0, 0, Double.POSITIVE_INFINITY).isValid());
        assertFalse(at(Double.NaN, 0, 0).isValid());
        assertFalse(at(1, Double.NEGATIVE_INFINITY, 0).isValid());
        assertFalse(at(1, 0, Double.NaN).isValid());
        Coordinate threeDimensions = new Coordinate(List.of(0.0, 0.0, 0.0), 1, 0, 0);
        assertFalse(threeDimensions.isValid());
        assertFalse(threeDimensions.isCompatibleWith(Coordinate.origin()));
        assertTrue(at(1, 0, 0, 1, 2, 3).isCompatibleWith(Coordinate.origin()));
    }

    @Test
    void distanceToAnInvalidCoordinateIsAClearError() {
        Coordinate threeDimensions = new Coordinate(List.of(0.0, 0.0, 0.0), 1, 0, 0);
        IllegalArgumentException wrongSize = assertThrows(IllegalArgumentException.class,
                () -> Coordinate.origin().distanceTo(threeDimensions));
        assertEquals("A network coordinate needs 8 dimensions, not 3", wrongSize.getMessage());
        IllegalArgumentException notFinite = assertThrows(IllegalArgumentException.class,
                () -> at(1, 0, 0, Double.NaN).distanceTo(Coordinate.origin()));
        assertTrue(notFinite.getMessage().startsWith("A network coordinate must have finite components"),
                notFinite.getMessage());
    }
}
