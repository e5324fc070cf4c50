package io.cairn.template.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GoQuoteTest {

    @Test
    void quotesLikeStrconvQuote() {
        assertEquals("\"web\"", GoQuote.quote("web"));
        assertEquals("\"a\\\"b\\\\c\"", GoQuote.quote("a\"b\\c"));
        assertEquals("\"\\n\\t\\r\\a\\b\\f\\v\\x00\\x7f\"", GoQuote.quote("\n\t\r\u0007\b\f\u000b\u0000\u007f"));
        assertEquals("\"héllo ☃\"", GoQuote.quote("héllo ☃"), "printable characters stay");
        assertEquals("\"\\u200b\"", GoQuote.quote("\u200b"), "format characters are escaped");
    }
}
