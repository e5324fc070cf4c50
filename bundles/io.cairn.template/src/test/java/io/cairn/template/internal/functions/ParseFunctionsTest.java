package io.cairn.template.internal.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ParseFunctionsTest {

    private final Calls f = new Calls(HelperFunctions.all());

    @Test
    void parseBoolAcceptsStrconvSpellings() throws Exception {
        for (String t : List.of("1", "t", "T", "TRUE", "true", "True")) {
            assertEquals(true, f.call("parseBool", t), t);
        }
        for (String t : List.of("", "0", "f", "F", "FALSE", "false", "False")) {
            assertEquals(false, f.call("parseBool", t), t);
        }
        assertEquals("parseBool: strconv.ParseBool: parsing \"yes\": invalid syntax", f.error("parseBool", "yes"));
    }

    @Test
    void parseIntAndUint() throws Exception {
        assertEquals(-42L, f.call("parseInt", "-42"));
        assertEquals(42L, f.call("parseInt", "+42"));
        assertEquals(0L, f.call("parseInt", ""));
        assertEquals("parseInt: strconv.ParseInt: parsing \"1.5\": invalid syntax", f.error("parseInt", "1.5"));
        assertEquals("parseInt: strconv.ParseInt: parsing \" 1\": invalid syntax", f.error("parseInt", " 1"));
        assertEquals("parseInt: strconv.ParseInt: parsing \"9223372036854775808\": value out of range",
                f.error("parseInt", "9223372036854775808"));
        assertEquals(9223372036854775807L, f.call("parseUint", "9223372036854775807"));
        assertEquals("parseUint: strconv.ParseUint: parsing \"-1\": invalid syntax", f.error("parseUint", "-1"));
        assertEquals("parseUint: strconv.ParseUint: parsing \"+1\": invalid syntax", f.error("parseUint", "+1"));
        assertEquals("parseUint: strconv.ParseUint: parsing \"99999999999999999999\": value out of range",
                f.error("parseUint", "99999999999999999999"));
    }

    @Test
    void parseFloatFollowsStrconv() throws Exception {
        assertEquals(1.5, f.call("parseFloat", "1.5"));
        assertEquals(1e5, f.call("parseFloat", "1e5"));
        assertEquals(0.5, f.call("parseFloat", ".5"));
        assertEquals(3.0, f.call("parseFloat", "3"));
        assertEquals(0.0, f.call("parseFloat", ""));
        assertEquals(Double.NEGATIVE_INFINITY, f.call("parseFloat", "-Inf"));
        assertTrue(((Double) f.call("parseFloat", "NaN")).isNaN());
        assertEquals(0.25, f.call("parseFloat", "0x1p-2"));
        assertEquals("parseFloat: strconv.ParseFloat: parsing \"1.5f\": invalid syntax", f.error("parseFloat", "1.5f"));
        // underscores between digits, as in Go's float literals (strconv's own table has 1_23.50_0_0e+1_2)
        assertEquals(10.0, f.call("parseFloat", "1_0"));
        assertEquals("parseFloat: strconv.ParseFloat: parsing \"1__0\": invalid syntax", f.error("parseFloat", "1__0"));
        assertEquals("parseFloat: strconv.ParseFloat: parsing \"1e400\": value out of range",
                f.error("parseFloat", "1e400"));
    }

    @Test
    void parseJsonGivesGoValues() throws Exception {
        assertEquals(Map.of("a", List.of(1.0, "x", true), "b", Map.of("c", 2.5)),
                f.call("parseJSON", "{\"a\": [1, \"x\", true], \"b\": {\"c\": 2.5}}"));
        assertEquals(Map.of(), f.call("parseJSON", ""));
        assertEquals(List.of(), f.call("parseJSON", "[]"));
        assertEquals("s", f.call("parseJSON", "\"s\""));
        assertTrue(f.error("parseJSON", "{\"a\":").length() > 0);
    }
}
