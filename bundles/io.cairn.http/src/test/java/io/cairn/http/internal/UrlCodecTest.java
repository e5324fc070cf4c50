package io.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Percent-decoding as Go's net/url does it, refusing what is not UTF-8 instead of rewriting it. */
class UrlCodecTest {

    @Test
    void decodesEscapesAndKeepsAnEncodedSlashInTheKey() {
        assertEquals("/v1/kv/a/b c+d", UrlCodec.decodePath("/v1/kv/a%2Fb%20c+d"));
        assertEquals("/v1/kv/é😀", UrlCodec.decodePath("/v1/kv/%C3%A9%F0%9F%98%80"));
        assertEquals("/v1/kv/é😀", UrlCodec.decodePath("/v1/kv/é😀"));
        assertEquals("/v1/kv/\uFFFD", UrlCodec.decodePath("/v1/kv/%EF%BF%BD"), "a real U+FFFD is a character");
        assertEquals(Map.of("q", List.of("a b")), UrlCodec.parseQuery("q=a+b"));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedSoDistinctKeysCannotCollide() {
        for (String raw : List.of("/v1/kv/a%FF", "/v1/kv/a%FE", "/v1/kv/%C0%AF", "/v1/kv/%ED%A0%80", "/v1/kv/%F4%90%80%80",
                "/v1/kv/a%C3")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UrlCodec.decodePath(raw),
                    raw);
            assertEquals(UrlCodec.NOT_UTF8, e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> UrlCodec.parseQuery("cas=%FF"));
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> UrlCodec.decodePath("/v1/kv/a\uD800"));
        assertThrows(IllegalArgumentException.class, () -> UrlCodec.decodePath("/v1/kv/a\uDC00%20"));
        assertThrows(IllegalArgumentException.class, () -> UrlCodec.parseQuery("k=\uD800"));
    }

    @Test
    void aBrokenEscapeIsRefused() {
        assertEquals("invalid URL escape \"%zz\"",
                assertThrows(IllegalArgumentException.class, () -> UrlCodec.decodePath("/v1/kv/%zz")).getMessage());
    }
}
