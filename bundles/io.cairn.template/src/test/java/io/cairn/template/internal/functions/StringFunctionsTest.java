package io.cairn.template.internal.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StringFunctionsTest {

    private final Calls f = new Calls(HelperFunctions.all());

    @Test
    void joinAndSplit() throws Exception {
        assertEquals("a,b,c", f.call("join", ",", List.of("a", "b", "c")));
        assertEquals("", f.call("join", ",", List.of()));
        assertEquals("wrong type for value; expected []string; got []int", f.error("join", ",", List.of(1L)));
        assertEquals(List.of("a", "b", "", "c"), f.call("split", ",", " a,b,,c\n"));
        assertEquals(List.of(), f.call("split", ",", "  "));
        assertEquals(List.of("a.b"), f.call("split", "|", "a.b"), "separator is not a regular expression");
        assertEquals(List.of("a", "b"), f.call("split", "", "ab"));
    }

    @Test
    void splitToMapSkipsPartsWithoutTheSeparator() throws Exception {
        assertEquals(Map.of("a", "1", "b", "2=3", "c", ""), f.call("splitToMap", ",", "=", "a=1,b=2=3,junk,c="));
        assertEquals(Map.of(), f.call("splitToMap", ",", "=", " "));
    }

    @Test
    void trimming() throws Exception {
        assertEquals("hi", f.call("trimSpace", "\t hi\n\u00a0"));
        assertEquals("a-b", f.call("trim", "-_", "_-a-b-_"));
        assertEquals("web-1", f.call("trimPrefix", "prod-", "prod-web-1"));
        assertEquals("web-1", f.call("trimPrefix", "dev-", "web-1"));
        assertEquals("web", f.call("trimSuffix", "-1", "web-1"));
    }

    @Test
    void caseChanges() throws Exception {
        assertEquals("hello wörld", f.call("toLower", "HELLO WÖRLD"));
        assertEquals("I", f.call("toUpper", "i"), "not Turkish, whatever the default locale");
        assertEquals("Hello World-Wide McDONALD's", f.call("toTitle", "hello world-wide mcDONALD's"));
        assertEquals("This Is\u2026And A \ud83d\ude80Rocket",
                f.call("toTitle", "this is\u2026and a \ud83d\ude80rocket"));
    }

    @Test
    void replaceAllIsLiteral() throws Exception {
        assertEquals("a-b-c", f.call("replaceAll", ".", "-", "a.b.c"));
        assertEquals("xaxbx", f.call("replaceAll", "", "x", "ab"));
    }

    @Test
    void indentSkipsEmptyLines() throws Exception {
        assertEquals("    hello\n    hello\r\n\n    x", f.call("indent", 4L, "hello\nhello\r\n\nx"));
        assertEquals("a\nb", f.call("indent", 0L, "a\nb"));
        assertEquals("indent value must be a positive integer", f.error("indent", -4L, "a"));
        assertEquals("wrong number of args for indent: want 2 got 1", f.error("indent", "a"));
    }

    @Test
    void regularExpressionsUseGoSyntax() throws Exception {
        assertEquals(true, f.call("regexMatch", "^web-[0-9]+$", "web-12"));
        assertEquals(false, f.call("regexMatch", "^web-[0-9]+$", "web-12\n"), "Go's $ is the end of the text");
        assertEquals(true, f.call("regexMatch", "b+", "abbbc"), "matches anywhere");
        assertEquals(true, f.call("regexMatch", "^[[:alpha:]]+[[:digit:]]$", "abc1"));
        assertEquals(true, f.call("regexMatch", "(?P<word>\\w+)", "x"));
        assertEquals(true, f.call("regexMatch", "[[a]", "["), "[ is literal inside a Go class");
        assertEquals("foo-bar", f.call("regexReplaceAll", "(\\w+)\\.(\\w+)", "$1-$2", "foo.bar"));
        assertEquals("bar-x", f.call("regexReplaceAll", "(?P<a>\\w+)\\.(?P<b>\\w+)", "${b}-x", "foo.bar"));
        assertEquals("-", f.call("regexReplaceAll", "(\\w+)\\.(\\w+)", "$1x-", "foo.bar"),
                "$1x names group 1x, which does not exist");
        assertEquals("$1", f.call("regexReplaceAll", "foo", "$$1", "foo"));
        assertEquals("a$", f.call("regexReplaceAll", "b", "$", "ab"));
        assertEquals("XbX", f.call("regexReplaceAll", "a", "X", "aba"));
        assertEquals(true, f.error("regexMatch", "(", "x").startsWith("error parsing regexp: "));
    }
}
