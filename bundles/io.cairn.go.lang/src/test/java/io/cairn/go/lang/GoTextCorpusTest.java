package io.cairn.go.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The corpus: inputs and what Go produces for them. The duration tables are Go's own
 * ({@code time.ParseDuration} and {@code Duration.String} tests in {@code src/time/time_test.go}); the quoting,
 * JSON and URL rows are what {@code strconv.Quote}, {@code json.Marshal} (Go 1.22+) and {@code URL.EscapedPath}
 * print for them.
 */
class GoTextCorpusTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;

    static Stream<Arguments> parsedDurations() {
        return Stream.of(
                // simple
                Arguments.of("0", 0L),
                Arguments.of("5s", 5 * SECOND),
                Arguments.of("30s", 30 * SECOND),
                Arguments.of("1478s", 1478 * SECOND),
                // sign
                Arguments.of("-5s", -5 * SECOND),
                Arguments.of("+5s", 5 * SECOND),
                Arguments.of("-0", 0L),
                Arguments.of("+0", 0L),
                // decimal
                Arguments.of("5.0s", 5 * SECOND),
                Arguments.of("5.6s", 5 * SECOND + 600_000_000L),
                Arguments.of("5.s", 5 * SECOND),
                Arguments.of(".5s", 500_000_000L),
                Arguments.of("1.0s", SECOND),
                Arguments.of("1.00s", SECOND),
                Arguments.of("1.004s", SECOND + 4_000_000L),
                Arguments.of("1.0040s", SECOND + 4_000_000L),
                Arguments.of("100.00100s", 100 * SECOND + 1_000_000L),
                // different units
                Arguments.of("10ns", 10L),
                Arguments.of("11us", 11_000L),
                Arguments.of("12\u00b5s", 12_000L), // micro sign
                Arguments.of("12\u03bcs", 12_000L), // Greek mu
                Arguments.of("13ms", 13_000_000L),
                Arguments.of("14s", 14 * SECOND),
                Arguments.of("15m", 15 * MINUTE),
                Arguments.of("16h", 16 * HOUR),
                // composite durations
                Arguments.of("3h30m", 3 * HOUR + 30 * MINUTE),
                Arguments.of("10.5s4m", 4 * MINUTE + 10 * SECOND + 500_000_000L),
                Arguments.of("-2m3.4s", -(2 * MINUTE + 3 * SECOND + 400_000_000L)),
                Arguments.of("1h2m3s4ms5us6ns", HOUR + 2 * MINUTE + 3 * SECOND + 4_000_000L + 5_000L + 6L),
                Arguments.of("39h9m14.425s", 39 * HOUR + 9 * MINUTE + 14 * SECOND + 425_000_000L),
                // large value
                Arguments.of("52763797000ns", 52_763_797_000L),
                // more than 9 digits after the decimal point (golang.org/issue/6617)
                Arguments.of("0.3333333333333333333h", 20 * MINUTE),
                // 1<<53+1 cannot be stored precisely in a float64
                Arguments.of("9007199254740993ns", (1L << 53) + 1),
                // the largest duration an int64 of nanoseconds holds
                Arguments.of("9223372036854775807ns", Long.MAX_VALUE),
                Arguments.of("9223372036854775.807us", Long.MAX_VALUE),
                Arguments.of("9223372036s854ms775us807ns", Long.MAX_VALUE),
                Arguments.of("-9223372036854775808ns", Long.MIN_VALUE),
                Arguments.of("-9223372036854775.808us", Long.MIN_VALUE),
                Arguments.of("-9223372036s854ms775us808ns", Long.MIN_VALUE),
                // the largest negative round-trip value (golang.org/issue/48629)
                Arguments.of("-2562047h47m16.854775808s", Long.MIN_VALUE),
                // huge string (golang.org/issue/15011)
                Arguments.of("0.100000000000000000000h", 6 * MINUTE),
                // the first overflow check in leadingFraction
                Arguments.of("0.830103483285477580700h", 49 * MINUTE + 48 * SECOND + 372_539_827L),
                // what Consul clients send for ?wait and check intervals
                Arguments.of("120000ms", 120 * SECOND),
                Arguments.of("9.87s", 9_870_000_000L),
                Arguments.of("9.8732s", 9_873_200_000L),
                Arguments.of("1.5h", 90 * MINUTE),
                Arguments.of("1.5us", 1_500L));
    }

    @ParameterizedTest
    @MethodSource("parsedDurations")
    void parsesDurationsAsGoDoes(String text, long nanos) {
        assertEquals(nanos, GoDuration.parseNanos(text));
        assertEquals(Duration.ofNanos(nanos), GoDuration.parse(text));
    }

    static Stream<Arguments> refusedDurations() {
        return Stream.of(
                Arguments.of("", "time: invalid duration \"\""),
                Arguments.of("3", "time: missing unit in duration \"3\""),
                Arguments.of("-", "time: invalid duration \"-\""),
                Arguments.of("s", "time: invalid duration \"s\""),
                Arguments.of(".", "time: invalid duration \".\""),
                Arguments.of("-.", "time: invalid duration \"-.\""),
                Arguments.of(".s", "time: invalid duration \".s\""),
                Arguments.of("+.s", "time: invalid duration \"+.s\""),
                Arguments.of("1d", "time: unknown unit \"d\" in duration \"1d\""),
                Arguments.of("\ufffd", "time: invalid duration \"\\xef\\xbf\\xbd\""),
                Arguments.of("\ufffd hello \ufffd world",
                        "time: invalid duration \"\\xef\\xbf\\xbd hello \\xef\\xbf\\xbd world\""),
                // overflow
                Arguments.of("9223372036854775810ns", "time: invalid duration \"9223372036854775810ns\""),
                Arguments.of("9223372036854775808ns", "time: invalid duration \"9223372036854775808ns\""),
                Arguments.of("-9223372036854775809ns", "time: invalid duration \"-9223372036854775809ns\""),
                Arguments.of("9223372036854776us", "time: invalid duration \"9223372036854776us\""),
                Arguments.of("3000000h", "time: invalid duration \"3000000h\""),
                Arguments.of("9223372036854775.808us", "time: invalid duration \"9223372036854775.808us\""),
                Arguments.of("9223372036854ms775us808ns", "time: invalid duration \"9223372036854ms775us808ns\""),
                // what the earlier Java parsers disagreed on
                Arguments.of("1 s", "time: unknown unit \" s\" in duration \"1 s\""),
                Arguments.of(" 1s", "time: invalid duration \" 1s\""),
                Arguments.of("1.2.3s", "time: missing unit in duration \"1.2.3s\""),
                Arguments.of("--1s", "time: invalid duration \"--1s\""),
                Arguments.of("1e3s", "time: unknown unit \"e\" in duration \"1e3s\""),
                Arguments.of("10sx", "time: unknown unit \"sx\" in duration \"10sx\""),
                Arguments.of("1\u00b5", "time: unknown unit \"\\xc2\\xb5\" in duration \"1\\xc2\\xb5\""),
                Arguments.of("\"1s\"", "time: invalid duration \"\\\"1s\\\"\""));
    }

    @ParameterizedTest
    @MethodSource("refusedDurations")
    void refusesDurationsWithGosMessages(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> GoDuration.parseNanos(text))
                .getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808ns", "-9223372036854775809ns", "9223372036854776us", "3000000h",
        "9223372036854775.808us", "9223372036854ms775us808ns", "2562048h"})
    void tellsDurationsBeyondGosRangeFromBadSyntax(String text) {
        assertThrows(GoDurationRangeException.class, () -> GoDuration.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3", ".s", "1d", "1 s", "--1s"})
    void badSyntaxIsNotARangeError(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(text));
        assertFalse(e instanceof GoDurationRangeException);
    }

    static Stream<Arguments> formattedDurations() {
        return Stream.of(
                Arguments.of(0L, "0s"),
                Arguments.of(1L, "1ns"),
                Arguments.of(1_100L, "1.1\u00b5s"),
                Arguments.of(2_200_000L, "2.2ms"),
                Arguments.of(3_300_000_000L, "3.3s"),
                Arguments.of(4 * MINUTE + 5 * SECOND, "4m5s"),
                Arguments.of(4 * MINUTE + 5_001_000_000L, "4m5.001s"),
                Arguments.of(5 * HOUR + 6 * MINUTE + 7_001_000_000L, "5h6m7.001s"),
                Arguments.of(8 * MINUTE + 1L, "8m0.000000001s"),
                Arguments.of(Long.MAX_VALUE, "2562047h47m16.854775807s"),
                Arguments.of(Long.MIN_VALUE, "-2562047h47m16.854775808s"),
                Arguments.of(HOUR, "1h0m0s"),
                Arguments.of(HOUR + 5 * SECOND, "1h0m5s"),
                Arguments.of(90 * SECOND, "1m30s"),
                Arguments.of(1_500L, "1.5\u00b5s"),
                Arguments.of(-250_000_000L, "-250ms"),
                Arguments.of(-7L, "-7ns"));
    }

    @ParameterizedTest
    @MethodSource("formattedDurations")
    void formatsDurationsAsGoDoes(long nanos, String text) {
        assertEquals(text, GoDuration.format(nanos));
        assertEquals(text, GoDuration.format(Duration.ofNanos(nanos)));
    }

    static Stream<Arguments> quoted() {
        return Stream.of(
                Arguments.of("", "\"\""),
                Arguments.of("web", "\"web\""),
                Arguments.of("a\"b\\c", "\"a\\\"b\\\\c\""),
                Arguments.of("\u0007\b\f\n\r\t\u000b", "\"\\a\\b\\f\\n\\r\\t\\v\""),
                Arguments.of("\u0000\u0001\u001b\u007f", "\"\\x00\\x01\\x1b\\x7f\""),
                Arguments.of("h\u00e9llo \u2603 \u65e5\u672c", "\"h\u00e9llo \u2603 \u65e5\u672c\""),
                Arguments.of("\ud83d\ude00", "\"\ud83d\ude00\""),
                Arguments.of("'single' `back`", "\"'single' `back`\""),
                Arguments.of("\u0080", "\"\\u0080\""),
                Arguments.of("\u00a0", "\"\\u00a0\""),
                Arguments.of("\u00ad", "\"\\u00ad\""),
                Arguments.of("\u200b", "\"\\u200b\""),
                Arguments.of("\u2028", "\"\\u2028\""),
                Arguments.of("\ufeff", "\"\\ufeff\""),
                Arguments.of("\ue000", "\"\\ue000\""),
                Arguments.of("\udb40\udc01", "\"\\U000e0001\""),
                Arguments.of("\udbff\udffd", "\"\\U0010fffd\""),
                Arguments.of("\ud800", "\"\\xed\\xa0\\x80\""),
                Arguments.of("\udb76\udc00", "\"\\U000ed800\""));
    }

    @ParameterizedTest
    @MethodSource("quoted")
    void quotesAsStrconvQuoteDoes(String text, String quoted) {
        assertEquals(quoted, GoQuote.quote(text));
    }

    static Stream<Arguments> quotedToAscii() {
        return Stream.of(
                Arguments.of("web", "\"web\""),
                Arguments.of("a\"b\\c\n\u007f", "\"a\\\"b\\\\c\\n\\x7f\""),
                Arguments.of("\u263a", "\"\\u263a\""),
                Arguments.of("h\u00e9llo \u65e5\u672c", "\"h\\u00e9llo \\u65e5\\u672c\""),
                Arguments.of("\ud83d\ude00", "\"\\U0001f600\""),
                Arguments.of("\udbff\udfff", "\"\\U0010ffff\""),
                Arguments.of("!\u00a0!\u2000!\u3000!", "\"!\\u00a0!\\u2000!\\u3000!\""),
                Arguments.of("\ud800", "\"\\xed\\xa0\\x80\""));
    }

    @ParameterizedTest
    @MethodSource("quotedToAscii")
    void quotesAsStrconvQuoteToAsciiDoes(String text, String quoted) {
        assertEquals(quoted, GoQuote.quoteToAscii(text));
    }

    /** Code point, {@code strconv.QuoteRune}, {@code strconv.QuoteRuneToASCII}: Go's own table and a few more. */
    static Stream<Arguments> quotedRunes() {
        return Stream.of(
                Arguments.of((int) 'a', "'a'", "'a'"),
                Arguments.of(0x07, "'\\a'", "'\\a'"),
                Arguments.of((int) '\\', "'\\\\'", "'\\\\'"),
                Arguments.of((int) '\'', "'\\''", "'\\''"),
                Arguments.of((int) '"', "'\"'", "'\"'"),
                Arguments.of((int) '\n', "'\\n'", "'\\n'"),
                Arguments.of(0xff, "'\u00ff'", "'\\u00ff'"),
                Arguments.of(0x263a, "'\u263a'", "'\\u263a'"),
                Arguments.of(0xdead, "'\ufffd'", "'\\ufffd'"),
                Arguments.of(0xfffd, "'\ufffd'", "'\\ufffd'"),
                Arguments.of(0x1f600, "'\ud83d\ude00'", "'\\U0001f600'"),
                Arguments.of(0x10ffff, "'\\U0010ffff'", "'\\U0010ffff'"),
                Arguments.of(0x110000, "'\ufffd'", "'\\ufffd'"),
                Arguments.of(-1, "'\ufffd'", "'\\ufffd'"),
                Arguments.of(0x04, "'\\x04'", "'\\x04'"),
                Arguments.of(0x7f, "'\\x7f'", "'\\x7f'"),
                Arguments.of(0x200b, "'\\u200b'", "'\\u200b'"));
    }

    @ParameterizedTest
    @MethodSource("quotedRunes")
    void quotesRunesAsStrconvQuoteRuneDoes(int rune, String quoted, String quotedToAscii) {
        assertEquals(quoted, GoQuote.quoteRune(rune));
        assertEquals(quotedToAscii, GoQuote.quoteRuneToAscii(rune));
    }

    /** Code points and Go's {@code unicode.IsPrint} of them. */
    static Stream<Arguments> printable() {
        return Stream.of(
                Arguments.of((int) ' ', true),
                Arguments.of((int) 'a', true),
                Arguments.of((int) '~', true),
                Arguments.of(0x263a, true),
                Arguments.of(0x65e5, true),
                Arguments.of(0x0301, true),
                Arguments.of(0xfffd, true),
                Arguments.of(0x1f600, true),
                Arguments.of((int) '\t', false),
                Arguments.of(0x7f, false),
                Arguments.of(0xa0, false),
                Arguments.of(0xad, false),
                Arguments.of(0x3000, false),
                Arguments.of(0x2028, false),
                Arguments.of(0xd800, false),
                Arguments.of(0xe000, false),
                Arguments.of(0x10ffff, false));
    }

    @ParameterizedTest
    @MethodSource("printable")
    void tellsPrintableAsUnicodeIsPrintDoes(int rune, boolean printable) {
        assertEquals(printable, GoQuote.isPrint(rune));
    }

    static Stream<Arguments> jsonStrings() {
        return Stream.of(
                Arguments.of("", "\"\"", "\"\""),
                Arguments.of("a\"b\\c/d", "\"a\\\"b\\\\c/d\"", "\"a\\\"b\\\\c/d\""),
                Arguments.of("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"", "\"\\b\\f\\n\\r\\t\""),
                Arguments.of("\u0000\u0001\u000b\u001f\u007f", "\"\\u0000\\u0001\\u000b\\u001f\u007f\"",
                        "\"\\u0000\\u0001\\u000b\\u001f\u007f\""),
                Arguments.of("<a href=\"x\">&amp;</a>",
                        "\"\\u003ca href=\\\"x\\\"\\u003e\\u0026amp;\\u003c/a\\u003e\"",
                        "\"<a href=\\\"x\\\">&amp;</a>\""),
                Arguments.of("\u2028\u2029", "\"\\u2028\\u2029\"", "\"\\u2028\\u2029\""),
                Arguments.of("h\u00e9llo \u2603 \ud83d\ude00 \u200b \u0080",
                        "\"h\u00e9llo \u2603 \ud83d\ude00 \u200b \u0080\"",
                        "\"h\u00e9llo \u2603 \ud83d\ude00 \u200b \u0080\""),
                Arguments.of("a\ud800b\udc00", "\"a\\ufffdb\\ufffd\"", "\"a\\ufffdb\\ufffd\""));
    }

    @ParameterizedTest
    @MethodSource("jsonStrings")
    void escapesJsonStringsAsGosEncoderDoes(String text, String marshalled, String withoutHtmlEscaping) {
        assertEquals(marshalled, GoJsonString.quote(text));
        assertEquals(marshalled, GoJsonString.quote(text, true));
        assertEquals(withoutHtmlEscaping, GoJsonString.quote(text, false));
    }

    static Stream<Arguments> escapedPaths() {
        return Stream.of(
                Arguments.of("/v1/kv/web/config", "/v1/kv/web/config"),
                Arguments.of("/v1/kv/a b", "/v1/kv/a%20b"),
                Arguments.of("/v1/kv/a?b#c%d", "/v1/kv/a%3Fb%23c%25d"),
                Arguments.of("/v1/kv/$&+,:;=@-_.~", "/v1/kv/$&+,:;=@-_.~"),
                Arguments.of("/v1/kv/\"<>\\^`{|}[]!'()*", "/v1/kv/%22%3C%3E%5C%5E%60%7B%7C%7D%5B%5D%21%27%28%29%2A"),
                Arguments.of("/v1/kv/caf\u00e9/\u2603", "/v1/kv/caf%C3%A9/%E2%98%83"),
                Arguments.of("/v1/kv//double//", "/v1/kv//double//"));
    }

    @ParameterizedTest
    @MethodSource("escapedPaths")
    void escapesPathsAsUrlEscapedPathDoes(String path, String escaped) {
        assertEquals(escaped, GoUrl.escapePath(path));
    }

    static Stream<Arguments> escapedQueries() {
        return Stream.of(
                Arguments.of("web", "web"),
                Arguments.of("a-_.~z */\u00e9&", "a-_.~z+%2A%2F%C3%A9%26"),
                Arguments.of("$&+,/:;=?@#%", "%24%26%2B%2C%2F%3A%3B%3D%3F%40%23%25"),
                Arguments.of("a b\tc", "a+b%09c"));
    }

    @ParameterizedTest
    @MethodSource("escapedQueries")
    void escapesQueriesAsUrlQueryEscapeDoes(String text, String escaped) {
        assertEquals(escaped, GoUrl.queryEscape(text));
    }
}
