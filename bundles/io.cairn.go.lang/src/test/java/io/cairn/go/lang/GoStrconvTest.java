package io.cairn.go.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link GoStrconv} against Go: the rows are taken from Go's own tables ({@code src/strconv/atoi_test.go},
 * {@code atof_test.go} and {@code atob_test.go}); an error row holds the text of Go's {@code *strconv.NumError}.
 */
class GoStrconvTest {
    static Stream<Arguments> ints() {
        return Stream.of(
                // base 10
                Arguments.of("0", 10, 64, 0L), Arguments.of("-0", 10, 64, 0L), Arguments.of("+0", 10, 64, 0L),
                Arguments.of("-1", 10, 64, -1L), Arguments.of("+1", 10, 64, 1L),
                Arguments.of("012345", 10, 64, 12345L), Arguments.of("-012345", 10, 64, -12345L),
                Arguments.of("9223372036854775807", 10, 64, Long.MAX_VALUE),
                Arguments.of("-9223372036854775808", 10, 64, Long.MIN_VALUE),
                // base 0: prefixes and underscores
                Arguments.of("012345", 0, 64, 012345L), Arguments.of("-012345", 0, 64, -012345L),
                Arguments.of("0x12345", 0, 64, 0x12345L), Arguments.of("-0X12345", 0, 64, -0x12345L),
                Arguments.of("0b101", 0, 64, 5L), Arguments.of("0O377", 0, 64, 255L),
                Arguments.of("-0x_1_2_3_4_5", 0, 64, -0x12345L), Arguments.of("-0_1_2_3_4_5", 0, 64, -012345L),
                Arguments.of("1_2_3_4_5", 0, 64, 12345L),
                // other bases
                Arguments.of("g", 17, 64, 16L), Arguments.of("10", 25, 64, 25L),
                Arguments.of("holycow", 35, 64, (((((17L * 35 + 24) * 35 + 21) * 35 + 34) * 35 + 12) * 35 + 24) * 35
                        + 32),
                Arguments.of("holycow", 36, 64, (((((17L * 36 + 24) * 36 + 21) * 36 + 34) * 36 + 12) * 36 + 24) * 36
                        + 32),
                Arguments.of("-1000000000000000000000000000000000000000000000000000000000000000", 2, 64,
                        Long.MIN_VALUE),
                Arguments.of("57635436545", 8, 64, 057635436545L), Arguments.of("-10", 8, 64, -8L),
                Arguments.of("-123456789abcdef", 16, 64, -0x123456789abcdefL),
                Arguments.of("7fffffffffffffff", 16, 64, Long.MAX_VALUE),
                // bit sizes
                Arguments.of("2147483647", 10, 32, 2147483647L), Arguments.of("-2147483648", 10, 32, -2147483648L),
                Arguments.of("-128", 0, 8, -128L), Arguments.of("9223372036854775807", 0, 0, Long.MAX_VALUE));
    }

    @ParameterizedTest
    @MethodSource("ints")
    void parsesIntsAsGoDoes(String text, int base, int bitSize, long expected) {
        assertEquals(expected, GoStrconv.parseInt(text, base, bitSize));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                     | 10 | 64 | strconv.ParseInt: parsing "": invalid syntax
            +                      | 0  | 64 | strconv.ParseInt: parsing "+": invalid syntax
            12345x                 | 0  | 64 | strconv.ParseInt: parsing "12345x": invalid syntax
            123%45                 | 10 | 64 | strconv.ParseInt: parsing "123%45": invalid syntax
            -1_2_3_4_5             | 10 | 64 | strconv.ParseInt: parsing "-1_2_3_4_5": invalid syntax
            -_0x12345              | 0  | 64 | strconv.ParseInt: parsing "-_0x12345": invalid syntax
            _-0x12345              | 0  | 64 | strconv.ParseInt: parsing "_-0x12345": invalid syntax
            0x1__2345              | 0  | 64 | strconv.ParseInt: parsing "0x1__2345": invalid syntax
            0x12345_               | 0  | 64 | strconv.ParseInt: parsing "0x12345_": invalid syntax
            9223372036854775808    | 10 | 64 | strconv.ParseInt: parsing "9223372036854775808": value out of range
            -9223372036854775809   | 0  | 64 | strconv.ParseInt: parsing "-9223372036854775809": value out of range
            99999999999999999999   | 0  | 64 | strconv.ParseInt: parsing "99999999999999999999": value out of range
            2147483648             | 10 | 32 | strconv.ParseInt: parsing "2147483648": value out of range
            -2147483649            | 10 | 32 | strconv.ParseInt: parsing "-2147483649": value out of range
            0                      | 1  | 64 | strconv.ParseInt: parsing "0": invalid base 1
            0                      | 37 | 64 | strconv.ParseInt: parsing "0": invalid base 37
            0                      | 10 | 65 | strconv.ParseInt: parsing "0": invalid bit size 65
            """)
    void refusesIntsAsGoDoes(String text, int base, int bitSize, String message) {
        assertEquals(message,
                assertThrows(GoNumberException.class, () -> GoStrconv.parseInt(text, base, bitSize)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0                       | 0  | 64 | 0
            1                       | 10 | 64 | 1
            012345                  | 10 | 64 | 12345
            98765432100             | 10 | 64 | 98765432100
            18446744073709551615    | 10 | 64 | 18446744073709551615
            0xFFFFFFFFFFFFFFFF      | 0  | 64 | 18446744073709551615
            01777777777777777777777 | 0  | 64 | 18446744073709551615
            0200000000000000000000  | 0  | 64 | 2305843009213693952
            0B101                   | 0  | 64 | 5
            0o377                   | 0  | 64 | 255
            0x_1_2_3_4_5            | 0  | 64 | 74565
            0_1_2_3_4_5             | 0  | 64 | 5349
            0b_1_0_1                | 0  | 64 | 5
            zz                      | 36 | 64 | 1295
            4294967295              | 10 | 32 | 4294967295
            """)
    void parsesUintsAsGoDoes(String text, int base, int bitSize, String expected) {
        assertEquals(expected, Long.toUnsignedString(GoStrconv.parseUint(text, base, bitSize)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                      | 0  | 64 | strconv.ParseUint: parsing "": invalid syntax
            0x                      | 0  | 64 | strconv.ParseUint: parsing "0x": invalid syntax
            0B                      | 0  | 64 | strconv.ParseUint: parsing "0B": invalid syntax
            0o                      | 0  | 64 | strconv.ParseUint: parsing "0o": invalid syntax
            -1                      | 10 | 64 | strconv.ParseUint: parsing "-1": invalid syntax
            +1                      | 0  | 64 | strconv.ParseUint: parsing "+1": invalid syntax
            -0                      | 10 | 64 | strconv.ParseUint: parsing "-0": invalid syntax
            0xabcdefg123            | 0  | 64 | strconv.ParseUint: parsing "0xabcdefg123": invalid syntax
            123456789abc            | 0  | 64 | strconv.ParseUint: parsing "123456789abc": invalid syntax
            01777777777777777777778 | 0  | 64 | strconv.ParseUint: parsing "01777777777777777777778": invalid syntax
            1_2_3_4_5               | 10 | 64 | strconv.ParseUint: parsing "1_2_3_4_5": invalid syntax
            _12345                  | 0  | 64 | strconv.ParseUint: parsing "_12345": invalid syntax
            1__2345                 | 0  | 64 | strconv.ParseUint: parsing "1__2345": invalid syntax
            12345_                  | 0  | 64 | strconv.ParseUint: parsing "12345_": invalid syntax
            _0x12345                | 0  | 64 | strconv.ParseUint: parsing "_0x12345": invalid syntax
            0x__12345               | 0  | 64 | strconv.ParseUint: parsing "0x__12345": invalid syntax
            0__12345                | 0  | 64 | strconv.ParseUint: parsing "0__12345": invalid syntax
            18446744073709551616    | 10 | 64 | strconv.ParseUint: parsing "18446744073709551616": value out of range
            18446744073709551620    | 0  | 64 | strconv.ParseUint: parsing "18446744073709551620": value out of range
            0x10000000000000000     | 0  | 64 | strconv.ParseUint: parsing "0x10000000000000000": value out of range
            02000000000000000000000 | 0  | 64 | strconv.ParseUint: parsing "02000000000000000000000": value out of range
            4294967296              | 10 | 32 | strconv.ParseUint: parsing "4294967296": value out of range
            1                       | 37 | 64 | strconv.ParseUint: parsing "1": invalid base 37
            1                       | 10 | -1 | strconv.ParseUint: parsing "1": invalid bit size -1
            """)
    void refusesUintsAsGoDoes(String text, int base, int bitSize, String message) {
        assertEquals(message,
                assertThrows(GoNumberException.class, () -> GoStrconv.parseUint(text, base, bitSize)).getMessage());
    }

    static Stream<Arguments> floats() {
        return Stream.of(
                Arguments.of("1", 1.0), Arguments.of("+1", 1.0), Arguments.of("1e23", 1e23),
                Arguments.of("1E23", 1e23), Arguments.of("100000000000000000000000", 1e23),
                Arguments.of("1e-100", 1e-100), Arguments.of("123456700", 1.234567e+08),
                Arguments.of("99999999999999974834176", 9.999999999999997e+22), Arguments.of("-0.1", -0.1),
                Arguments.of("-0", -0.0), Arguments.of("625e-3", 0.625), Arguments.of(".5", 0.5),
                Arguments.of("5.", 5.0),
                // hexadecimal
                Arguments.of("0x1p0", 1.0), Arguments.of("0x1p-1", 0.5), Arguments.of("0x1ep-1", 15.0),
                Arguments.of("-0x1_ep-1", -15.0), Arguments.of("0x1p-200", 6.223015277861142e-61),
                Arguments.of("0x1fFe2.P0", 131042.0), Arguments.of("0x0.fp4", 15.0), Arguments.of("0x.1p-2", 0.015625),
                Arguments.of("-0x0p123", -0.0),
                // specials
                Arguments.of("nan", Double.NaN), Arguments.of("NaN", Double.NaN), Arguments.of("NAN", Double.NaN),
                Arguments.of("inf", Double.POSITIVE_INFINITY), Arguments.of("-Inf", Double.NEGATIVE_INFINITY),
                Arguments.of("+INFINITY", Double.POSITIVE_INFINITY),
                // the largest float64, rounding at the border, denormals and underflow
                Arguments.of("1.7976931348623157e308", Double.MAX_VALUE),
                Arguments.of("1.7976931348623158e308", Double.MAX_VALUE), Arguments.of("1e-305", 1e-305),
                Arguments.of("4.9e-324", Double.MIN_VALUE), Arguments.of("1e-350", 0.0),
                Arguments.of("1e-4294967296", 0.0),
                Arguments.of("2.2250738585072012e-308", 2.2250738585072014e-308),
                // underscores
                Arguments.of("1_23.50_0_0e+1_2", 1.235e+14), Arguments.of("0x_1_2.3_4_5p+1_2", 74565.0));
    }

    @ParameterizedTest
    @MethodSource("floats")
    void parsesFloatsAsGoDoes(String text, double expected) {
        assertEquals(expected, GoStrconv.parseFloat(text, 64));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                        | invalid syntax
            1x                        | invalid syntax
            1.1.                      | invalid syntax
            1e                        | invalid syntax
            1e-                       | invalid syntax
            .e-1                      | invalid syntax
            0x                        | invalid syntax
            0x1                       | invalid syntax
            0x.1p                     | invalid syntax
            0x1p+                     | invalid syntax
            0x1e2                     | invalid syntax
            1p2                       | invalid syntax
            +nan                      | invalid syntax
            infin                     | invalid syntax
            -_123.5e+12               | invalid syntax
            123_.5e+12                | invalid syntax
            123._5e+12                | invalid syntax
            123.5e_+12                | invalid syntax
            123.5e+1__2               | invalid syntax
            123.5e+12_                | invalid syntax
            0x12.345p_+12             | invalid syntax
            0x__12.345p+12            | invalid syntax
            1.7976931348623159e308    | value out of range
            -1.7976931348623159e308   | value out of range
            1.797693134862315808e308  | value out of range
            1e309                     | value out of range
            1e+4294967296             | value out of range
            """)
    void refusesFloatsAsGoDoes(String text, String reason) {
        assertEquals("strconv.ParseFloat: parsing " + GoQuote.quote(text) + ": " + reason,
                assertThrows(GoNumberException.class, () -> GoStrconv.parseFloat(text, 64)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1            | 1.0
            0.1          | 0.10000000149011612
            3.4028235e38 | 3.4028234663852886e38
            1e-46        | 0.0
            """)
    void roundsToFloat32(String text, double expected) {
        assertEquals(expected, GoStrconv.parseFloat(text, 32));
    }

    @ParameterizedTest
    @CsvSource({"3.4028236e38", "-1e39"})
    void refusesBeyondFloat32(String text) {
        assertEquals("strconv.ParseFloat: parsing " + GoQuote.quote(text) + ": value out of range",
                assertThrows(GoNumberException.class, () -> GoStrconv.parseFloat(text, 32)).getMessage());
    }

    @ParameterizedTest
    @CsvSource({"1,true", "t,true", "T,true", "TRUE,true", "true,true", "True,true", "0,false", "f,false",
            "F,false", "FALSE,false", "false,false", "False,false"})
    void parsesBoolsAsGoDoes(String text, boolean expected) {
        assertEquals(expected, GoStrconv.parseBool(text));
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "asdf", "tRUE", "yes"})
    void refusesBoolsAsGoDoes(String text) {
        assertEquals("strconv.ParseBool: parsing " + GoQuote.quote(text) + ": invalid syntax",
                assertThrows(GoNumberException.class, () -> GoStrconv.parseBool(text)).getMessage());
    }
}
