package io.cairn.forward.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;

import org.junit.jupiter.api.Test;

class RawUriTest {

    @Test
    void keepsWhatAUriMayHoldIncludingEscapes() {
        String path = "/v1/kv/a%2Fb/c%20d/~x.y_z-(1)!$&'*+,;=:@";
        assertEquals(path, RawUri.path(path));
        String query = "recurse&cas=0&q=a+b%2Bc&filter=Service%20==%20%22web%22&x=?/";
        assertEquals(query, RawUri.query(query));
    }

    @Test
    void encodesWhatAUriMayNotHoldAsTheServerWouldReadIt() {
        assertEquals("/v1/kv/a%20b%5Bc%5D%C3%A9%F0%9F%98%80", RawUri.path("/v1/kv/a b[c]\u00e9\ud83d\ude00"));
        assertEquals("/v1/kv/100%25", RawUri.path("/v1/kv/100%"));
        assertEquals("/v1/kv/%25zz", RawUri.path("/v1/kv/%zz"));
        assertEquals("a=%7Bb%7D&c=%22d%22", RawUri.query("a={b}&c=\"d\""));
        URI.create("http://127.0.0.1:1" + RawUri.path("/v1/kv/a b|c^d`e\\f") + "?" + RawUri.query("g h|i#j"));
    }
}
