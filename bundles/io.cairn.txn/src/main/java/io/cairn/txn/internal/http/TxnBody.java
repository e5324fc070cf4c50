package io.cairn.txn.internal.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One element of the {@code PUT /v1/txn} body. The HTTP server matches names case-insensitively; {@code Value}
 * is base64 (Jackson's byte[] form); {@code Flags} and {@code Index} are unsigned 64-bit, kept as what the JSON
 * held (see {@link TxnRequests}) so that a string or a fraction is refused as Go refuses it, not coerced. Catalog
 * elements are kept as JSON: the catalog handler reads them.
 */
record TxnBody(@JsonProperty("KV") KvBody kv, @JsonProperty("Node") JsonNode node,
        @JsonProperty("Service") JsonNode service, @JsonProperty("Check") JsonNode check) {

    record KvBody(@JsonProperty("Verb") String verb, @JsonProperty("Key") String key,
            @JsonProperty("Value") byte[] value, @JsonProperty("Flags") Object flags,
            @JsonProperty("Index") Object index, @JsonProperty("Session") String session) {
    }
}
