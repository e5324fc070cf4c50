package io.cairn.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GoFieldsTest {

    private static String refusal(Class<? extends IllegalArgumentException> type, Runnable conversion) {
        return assertThrows(type, conversion::run).getMessage();
    }

    @Test
    void durationsAreGoTextOrNanosecondsAndAbsentIsZero() {
        assertEquals(Duration.ofSeconds(90), GoFields.duration("1m30s", "X.Interval"));
        assertEquals(Duration.ofMillis(9873), GoFields.duration("9.873s", "X.Interval"));
        assertEquals(Duration.ofSeconds(10), GoFields.duration(10_000_000_000L, "X.Interval"));
        assertEquals(Duration.ofSeconds(10), GoFields.duration(10_000_000_000.7, "X.Interval"),
                "Consul converts a float64: the fraction of a nanosecond goes");
        assertEquals(Duration.ofNanos(-5), GoFields.duration(-5, "X.Interval"), "Go's durations are signed");
        assertEquals(Duration.ZERO, GoFields.duration(null, "X.Interval"));
    }

    @Test
    void aBadDurationNamesItsField() {
        assertEquals("Invalid R.Check.Definition.Timeout duration '10': use a number with a unit such as 10s, 1m30s"
                + " or 500ms", refusal(IllegalArgumentException.class,
                        () -> GoFields.duration("10", "R.Check.Definition.Timeout")));
        assertThrows(IllegalArgumentException.class, () -> GoFields.duration("10sx", "X.Interval"));
        assertEquals("json: cannot unmarshal bool into Go struct field R.Interval of type time.Duration",
                refusal(GoFields.DecodeError.class, () -> GoFields.duration(true, "R.Interval")));
        assertEquals("json: cannot unmarshal object into Go struct field R.Interval of type time.Duration",
                refusal(GoFields.DecodeError.class, () -> GoFields.duration(Map.of(), "R.Interval")));
    }

    @Test
    void aDurationBeyondGosRangeIsRefusedNotWrapped() {
        BigInteger twoTo80 = BigInteger.TWO.pow(80);
        assertEquals("json: cannot unmarshal number 1208925819614629174706176 into Go struct field R.Timeout of type"
                + " time.Duration", refusal(GoFields.DecodeError.class, () -> GoFields.duration(twoTo80, "R.Timeout")));
        assertEquals("json: cannot unmarshal number 1.0e30 into Go struct field R.Timeout of type time.Duration",
                refusal(GoFields.DecodeError.class, () -> GoFields.duration(1e30, "R.Timeout")));
        assertEquals(Duration.ofNanos(Long.MAX_VALUE), GoFields.duration(BigInteger.valueOf(Long.MAX_VALUE), "R.T"));
    }

    @Test
    void portsAreIntegersFrom0To65535() {
        assertEquals(80, GoFields.port(80, "R.Service.Port"));
        assertEquals(65535, GoFields.port(65535L, "R.Service.Port"));
        assertEquals(0, GoFields.port(null, "R.Service.Port"));
        assertEquals("json: cannot unmarshal string into Go struct field R.Service.Port of type int",
                refusal(GoFields.DecodeError.class, () -> GoFields.port("80", "R.Service.Port")));
        assertEquals("json: cannot unmarshal number 1.5 into Go struct field R.Service.Port of type int",
                refusal(GoFields.DecodeError.class, () -> GoFields.port(1.5, "R.Service.Port")));
        assertEquals("json: cannot unmarshal number 100.0 into Go struct field R.Service.Port of type int",
                refusal(GoFields.DecodeError.class, () -> GoFields.port(1e2, "R.Service.Port")),
                "Go's int takes no exponent either");
        assertEquals("json: cannot unmarshal array into Go struct field R.Service.Port of type int",
                refusal(GoFields.DecodeError.class, () -> GoFields.port(List.of(), "R.Service.Port")));
        assertEquals("json: cannot unmarshal number 9223372036854775808 into Go struct field R.Service.Port of type"
                + " int", refusal(GoFields.DecodeError.class,
                        () -> GoFields.port(BigInteger.TWO.pow(63), "R.Service.Port")));
        assertEquals("Invalid port -1 in R.Service.Port: a port is from 0 to 65535",
                refusal(IllegalArgumentException.class, () -> GoFields.port(-1, "R.Service.Port")));
        assertEquals("Invalid port 65536 in R.Service.Port: a port is from 0 to 65535",
                refusal(IllegalArgumentException.class, () -> GoFields.port(65536, "R.Service.Port")));
    }

    @Test
    void weightsAreIntegersFrom0To65535WithConsulsText() {
        assertEquals(3, GoFields.weight(3, "R.Service.Weights.Passing"));
        assertEquals("Invalid Weights: DNS Weight must be between 0 and 65535 (R.Service.Weights.Warning is -1)",
                refusal(IllegalArgumentException.class, () -> GoFields.weight(-1, "R.Service.Weights.Warning")));
        assertEquals("json: cannot unmarshal bool into Go struct field R.Service.Weights.Passing of type int",
                refusal(GoFields.DecodeError.class, () -> GoFields.weight(false, "R.Service.Weights.Passing")));
    }

    @Test
    void uint64TakesTheWholeUnsignedRangeAndNothingElse() {
        assertEquals(-1L, GoFields.uint64(new BigInteger("18446744073709551615"), "T.ModifyIndex"));
        assertEquals(7, GoFields.uint64(7, "T.ModifyIndex"));
        assertEquals("json: cannot unmarshal number -1 into Go struct field T.ModifyIndex of type uint64",
                refusal(GoFields.DecodeError.class, () -> GoFields.uint64(-1, "T.ModifyIndex")));
        assertEquals("json: cannot unmarshal number 18446744073709551616 into Go struct field T.ModifyIndex of type"
                + " uint64", refusal(GoFields.DecodeError.class,
                        () -> GoFields.uint64(BigInteger.TWO.pow(64), "T.ModifyIndex")));
        assertEquals("json: cannot unmarshal string into Go struct field T.ModifyIndex of type uint64",
                refusal(GoFields.DecodeError.class, () -> GoFields.uint64("7", "T.ModifyIndex")));
    }
}
