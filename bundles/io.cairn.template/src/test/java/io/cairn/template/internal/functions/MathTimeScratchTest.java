package io.cairn.template.internal.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MathTimeScratchTest {

    private static final Instant NOW = Instant.parse("2009-11-10T23:04:05.012340Z");
    private final Calls f = new Calls(HelperFunctions.all(Clock.fixed(NOW, ZoneOffset.UTC)));

    @Test
    void arithmeticTakesThePipedValueAsLeftOperand() throws Exception {
        assertEquals(3L, f.call("add", 1L, 2L));
        assertEquals(3L, f.call("subtract", 2L, 5L), "{{ subtract 2 5 }} is 5 - 2");
        assertEquals(10L, f.call("multiply", 2L, 5L));
        assertEquals(2L, f.call("divide", 2L, 5L), "integer division truncates");
        assertEquals(2.5, f.call("divide", 2.0, 5L));
        assertEquals(1L, f.call("modulo", 2L, 5L));
        assertEquals(3.5, f.call("add", 1.5, 2L));
        assertEquals(Long.MIN_VALUE, f.call("add", 1L, Long.MAX_VALUE), "wraps like Go");
        assertEquals("runtime error: integer divide by zero", f.error("divide", 0L, 5L));
        assertEquals("runtime error: integer divide by zero", f.error("modulo", 0L, 5L));
        assertEquals(Double.POSITIVE_INFINITY, f.call("divide", 0.0, 5.0));
        assertEquals("add: unknown type for \"x\" (string)", f.error("add", 1L, "x"));
        assertEquals("add: unknown type for \"x\" (string)", f.error("add", "x", 1L));
        assertEquals("modulo: unknown type for %!q(float64=2.5) (float64)", f.error("modulo", 2L, 2.5));
        assertEquals("wrong number of args for add: want 2 got 1", f.error("add", 1L));
    }

    @Test
    void minimumAndMaximumKeepTheOperandsType() throws Exception {
        assertEquals(2L, f.call("minimum", 2L, 5L));
        assertEquals(5L, f.call("maximum", 2L, 5L));
        assertEquals(2L, f.call("minimum", 2.5, 2L));
        assertEquals(2.5, f.call("maximum", 2.5, 2L));
        assertEquals(Long.MAX_VALUE, f.call("maximum", Long.MAX_VALUE - 1, Long.MAX_VALUE), "no precision loss");
    }

    @Test
    void timestampUsesGoLayouts() throws Exception {
        assertEquals("2009-11-10T23:04:05Z", f.call("timestamp"));
        assertEquals("1257894245", f.call("timestamp", "unix"));
        assertEquals("2009-11-10", f.call("timestamp", "2006-01-02"));
        assertEquals("Tue Nov 10 11:04:05 PM UTC 2009 +0000 +00:00 Z",
                f.call("timestamp", "Mon Jan _2 03:04:05 PM MST 2006 -0700 -07:00 Z07:00"));
        assertEquals("Tuesday November 10 23:04:05.012 .01234 314 pm 09 11 4 5",
                f.call("timestamp", "Monday January 2 15:04:05.000 .999999 002 pm 06 1 4 5"));
        assertEquals("timestamp: wrong number of arguments, expected 0 or 1, but got 2",
                f.error("timestamp", "a", "b"));
    }

    @Test
    void layoutsAgainstOtherTimes() {
        ZonedDateTime t = ZonedDateTime.of(2026, 1, 5, 0, 7, 9, 0, ZoneOffset.ofHoursMinutes(-5, -30));
        assertEquals("12:07AM 5 Jan  5 2026-01-05T00:07:09-05:30 -0530 ", GoTimeFormat.format(
                "3:04PM 2 Jan _2 2006-01-02T15:04:05Z07:00 -0700 .999", t));
    }

    @Test
    void scratchIsPerCallOfAll() throws Exception {
        Scratch s = (Scratch) f.call("scratch");
        assertEquals(s, f.call("scratch"), "one pad per render pass");
        assertEquals(false, s.Key("a"));
        assertEquals("", s.Set("a", 1L));
        assertEquals("", s.SetX("a", 2L));
        assertEquals(1L, s.Get("a"));
        assertEquals(true, s.Key("a"));
        assertNull(s.Get("missing"));
        s.MapSet("m", "b", "2");
        s.MapSet("m", "a", "1");
        s.MapSetX("m", "a", "x");
        assertEquals(List.of("1", "2"), s.MapValues("m"));
        assertNull(s.MapValues("a"));
        assertEquals("\"a\" is not a map",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> s.MapSet("a", "k", "v")).getMessage());
        s.Set("frozen", Map.of("x", "1"));
        s.MapSet("frozen", "y", "2");
        assertEquals(List.of("1", "2"), s.MapValues("frozen"));
        assertEquals(false, ((Scratch) new Calls(HelperFunctions.all()).call("scratch")).Key("a"),
                "a new pass starts empty");
    }
}
