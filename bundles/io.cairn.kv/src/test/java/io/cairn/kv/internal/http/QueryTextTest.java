package io.cairn.kv.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QueryTextTest {

    @Test
    void escapesLikeGoQueryEscape() {
        assertEquals("a-_.~z+%2A%2F%C3%A9%26", QueryText.escape("a-_.~z */é&"));
    }

    @Test
    void quotesLikeGoSharpV() {
        assertEquals("\"a\\\"b\\\\c\\n\\x01é\"", QueryText.goQuote("a\"b\\c\n\u0001é"));
    }
}
