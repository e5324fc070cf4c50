package io.cairn.go.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link GoQuote#unquote} and {@link GoQuote#unquoteChar} against Go: the rows are Go's own tables
 * ({@code unquotetests} and {@code misquoted} in {@code src/strconv/quote_test.go}). Where Go's result holds bytes
 * that are not UTF-8 ({@code "\xFF"}), the expected value is U+FFFD, what a Java string holds instead.
 */
class GoUnquoteTest {
    static Stream<Arguments> unquoted() {
        return Stream.of(
                Arguments.of("\"\"", ""),
                Arguments.of("\"a\"", "a"),
                Arguments.of("\"abc\"", "abc"),
                Arguments.of("\"\u263a\"", "\u263a"),
                Arguments.of("\"hello world\"", "hello world"),
                Arguments.of("\"\\xFF\"", "\ufffd"),
                Arguments.of("\"\\377\"", "\ufffd"),
                Arguments.of("\"\\u1234\"", "\u1234"),
                Arguments.of("\"\\U00010111\"", "\ud800\udd11"),
                Arguments.of("\"\\U0001011111\"", "\ud800\udd1111"),
                Arguments.of("\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"", "\u0007\b\f\n\r\t\u000b\\\""),
                Arguments.of("\"'\"", "'"),
                Arguments.of("'a'", "a"),
                Arguments.of("'\u2639'", "\u2639"),
                Arguments.of("'\\a'", "\u0007"),
                Arguments.of("'\\x10'", "\u0010"),
                Arguments.of("'\\377'", "\ufffd"),
                Arguments.of("'\\u1234'", "\u1234"),
                Arguments.of("'\\U00010111'", "\ud800\udd11"),
                Arguments.of("'\\t'", "\t"),
                Arguments.of("' '", " "),
                Arguments.of("'\\''", "'"),
                Arguments.of("'\"'", "\""),
                Arguments.of("``", ""),
                Arguments.of("`a`", "a"),
                Arguments.of("`abc`", "abc"),
                Arguments.of("`\u263a`", "\u263a"),
                Arguments.of("`hello world`", "hello world"),
                Arguments.of("`\\xFF`", "\\xFF"),
                Arguments.of("`\\377`", "\\377"),
                Arguments.of("`\\`", "\\"),
                Arguments.of("`\n`", "\n"),
                Arguments.of("`\t`", "\t"),
                Arguments.of("` `", " "),
                Arguments.of("`a\rb`", "ab"),
                // byte escapes are gathered as UTF-8
                Arguments.of("\"\\xc3\\xa9\\303\\251\"", "\u00e9\u00e9"));
    }

    @ParameterizedTest
    @MethodSource("unquoted")
    void unquotesAsGoDoes(String literal, String expected) {
        assertEquals(expected, GoQuote.unquote(literal));
    }

    static Stream<String> misquoted() {
        return Stream.of("", "\"", "\"a", "\"'", "b\"", "\"\\\"", "\"\\9\"", "\"\\19\"", "\"\\129\"", "'\\'",
                "'\\9'", "'\\19'", "'\\129'", "'ab'", "\"\\x1!\"", "\"\\U12345678\"", "\"\\z\"", "`", "`xxx",
                "``x\r", "`\"", "\"\\'\"", "'\\\"'", "\"\n\"", "\"\\n\n\"", "'\n'", "\"\\udead\"",
                "\"\\ud83d\\ude4f\"");
    }

    @ParameterizedTest
    @MethodSource("misquoted")
    void refusesWhatGoRefuses(String literal) {
        assertEquals("invalid syntax",
                assertThrows(IllegalArgumentException.class, () -> GoQuote.unquote(literal)).getMessage());
    }

    @Test
    void unquotesOneCharacterAtATime() {
        String s = "'\\x41\u00e9\\u263a\\'";
        assertEquals(new GoQuote.UnquotedChar(0x41, false, 5), GoQuote.unquoteChar(s, 1, '\''));
        assertEquals(new GoQuote.UnquotedChar(0xe9, true, 6), GoQuote.unquoteChar(s, 5, '\''));
        assertEquals(new GoQuote.UnquotedChar(0x263a, true, 12), GoQuote.unquoteChar(s, 6, '\''));
        assertEquals(new GoQuote.UnquotedChar('\'', false, 14), GoQuote.unquoteChar(s, 12, '\''));
        assertEquals(new GoQuote.UnquotedChar(0xfffd, true, 1), GoQuote.unquoteChar("\ud800", 0, '"'));
        assertThrows(IllegalArgumentException.class, () -> GoQuote.unquoteChar(s, 0, '\''));
        assertThrows(IllegalArgumentException.class, () -> GoQuote.unquoteChar(s, 12, '"'));
        assertThrows(IllegalArgumentException.class, () -> GoQuote.unquoteChar(s, 14, '\''));
    }
}
