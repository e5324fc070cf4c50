package io.cairn.kv.internal.http;

import java.math.BigInteger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.cairn.kv.api.KvEntry;

/**
 * Consul's KVPair as JSON. {@code Flags} is a {@link BigInteger} so flags above 2^63 print as the unsigned
 * number Consul clients stored; {@code Value} is base64 (Jackson's byte[] default) or {@code null} when empty;
 * {@code Session} appears only while the key is locked.
 */
@JsonPropertyOrder({"LockIndex", "Key", "Flags", "Value", "Session", "CreateIndex", "ModifyIndex"})
public record KvPairJson(
        @JsonProperty("LockIndex") long lockIndex,
        @JsonProperty("Key") String key,
        @JsonProperty("Flags") BigInteger flags,
        @JsonProperty("Value") @JsonInclude(JsonInclude.Include.ALWAYS) byte[] value,
        @JsonProperty("Session") @JsonInclude(JsonInclude.Include.NON_EMPTY) String session,
        @JsonProperty("CreateIndex") long createIndex,
        @JsonProperty("ModifyIndex") long modifyIndex) {

    public static KvPairJson of(KvEntry entry) {
        return new KvPairJson(entry.lockIndex(), entry.key(), new BigInteger(Long.toUnsignedString(entry.flags())),
                entry.value().length == 0 ? null : entry.value(), entry.session(), entry.createIndex(),
                entry.modifyIndex());
    }
}
