package io.cairn.kv.internal.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.kv.api.KvEntry;

import org.junit.jupiter.api.Test;

class KvPairJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private String json(KvEntry entry) throws Exception {
        return mapper.writeValueAsString(KvPairJson.of(entry));
    }

    @Test
    void writesConsulsKvPair() throws Exception {
        assertEquals("{\"LockIndex\":0,\"Key\":\"foo/bar\",\"Flags\":0,\"Value\":\"MjM=\",\"CreateIndex\":5,"
                + "\"ModifyIndex\":7}", json(new KvEntry("foo/bar", "23".getBytes(UTF_8), 0, 0, "", 5, 7)));
    }

    @Test
    void flagsAreUnsignedAndEmptyValueIsNull() throws Exception {
        assertEquals("{\"LockIndex\":0,\"Key\":\"k\",\"Flags\":18446744073709551615,\"Value\":null,"
                + "\"CreateIndex\":1,\"ModifyIndex\":1}", json(new KvEntry("k", new byte[0], -1L, 0, "", 1, 1)));
    }

    @Test
    void sessionOnlyWhileLocked() throws Exception {
        assertEquals("{\"LockIndex\":1,\"Key\":\"k\",\"Flags\":0,\"Value\":\"eA==\",\"Session\":\"s-1\","
                + "\"CreateIndex\":1,\"ModifyIndex\":2}",
                json(new KvEntry("k", "x".getBytes(UTF_8), 0, 1, "s-1", 1, 2)));
    }
}
