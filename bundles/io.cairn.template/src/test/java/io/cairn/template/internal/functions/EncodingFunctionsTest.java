package io.cairn.template.internal.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EncodingFunctionsTest {

    private final Calls f = new Calls(HelperFunctions.all());

    @Test
    void base64BothAlphabets() throws Exception {
        assertEquals("aGVsbG8/Pz4+", f.call("base64Encode", "hello??>>"));
        assertEquals("aGVsbG8_Pz4-", f.call("base64URLEncode", "hello??>>"));
        assertEquals("hello??>>", f.call("base64Decode", "aGVsbG8/Pz4+"));
        assertEquals("hello??>>", f.call("base64URLDecode", "aGVsbG8_Pz4-"));
        assertEquals("hi", f.call("base64Decode", "aG\r\nk="), "line breaks are skipped");
        assertEquals("", f.call("base64Decode", ""));
        assertEquals("base64Decode: illegal base64 data at input byte 7", f.error("base64Decode", "aGVsbG8_Pz4-"));
        assertEquals("base64URLDecode: illegal base64 data at input byte 7",
                f.error("base64URLDecode", "aGVsbG8/Pz4+"));
        assertEquals("base64Decode: illegal base64 data at input byte 0", f.error("base64Decode", "aGk"),
                "padding is required");
    }

    @Test
    void hashes() throws Exception {
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", f.call("sha256Hex", "hello"));
        assertEquals("5d41402abc4b2a76b9719d911017c592", f.call("md5sum", "hello"));
        assertEquals("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                f.call("hmacSHA256Hex", "The quick brown fox jumps over the lazy dog", "key"));
        assertEquals("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad",
                f.call("hmacSHA256Hex", "", ""));
    }
}
