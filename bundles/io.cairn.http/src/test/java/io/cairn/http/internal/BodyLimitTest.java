package io.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The 413 texts: Consul's, naming the setting, for a limit an agent setting sets. */
class BodyLimitTest {

    @Test
    void aLimitAnAgentSettingSetsIsNamedAsConsulNamesIt() {
        assertEquals("Request body(524289 bytes) too large, max size: 524288 bytes. See "
                + "https://developer.hashicorp.com/docs/agent/config/config-files#kv_max_value_size.",
                new BodyLimit(524288, "kv_max_value_size").refusal(524289).getMessage());
        assertEquals(413, new BodyLimit(524288, "kv_max_value_size").refusal(524289).status());
    }

    @Test
    void otherLimitsAndChunkedBodiesSayOnlyTheSizes() {
        assertEquals("Request body(300000 bytes) too large, max size: 262144 bytes",
                new BodyLimit(262144, null).refusal(300000).getMessage());
        assertEquals("Request body too large, max size: 262144 bytes", new BodyLimit(262144, null).refusal(-1)
                .getMessage());
    }
}
