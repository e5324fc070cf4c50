package io.cairn.txn.internal.http;

import java.math.BigInteger;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.cairn.kv.api.KvEntry;

/** Consul's {@code TxnResponse}: {@code Results} on success, {@code Errors} on a conflict, the other null. */
@JsonPropertyOrder({"Results", "Errors"})
@JsonInclude(JsonInclude.Include.ALWAYS)
record TxnResultJson(@JsonProperty("Results") List<Object> results,
        @JsonProperty("Errors") List<ErrorJson> errors) {

    /** A KV result; catalog results are the catalog handler's JSON as it is ({@code {"Node": {...}}}, ...). */
    record ResultJson(@JsonProperty("KV") KvJson kv) {
    }

    /** A KV entry as Consul's transactions report it ({@code Value} null except for reads). */
    @JsonPropertyOrder({"LockIndex", "Key", "Flags", "Value", "Session", "CreateIndex", "ModifyIndex"})
    record KvJson(@JsonProperty("LockIndex") long lockIndex, @JsonProperty("Key") String key,
            @JsonProperty("Flags") BigInteger flags,
            @JsonProperty("Value") @JsonInclude(JsonInclude.Include.ALWAYS) byte[] value,
            @JsonProperty("Session") String session, @JsonProperty("CreateIndex") long createIndex,
            @JsonProperty("ModifyIndex") long modifyIndex) {

        static KvJson of(KvEntry e) {
            return new KvJson(e.lockIndex(), e.key(), new BigInteger(Long.toUnsignedString(e.flags())),
                    e.value().length == 0 ? null : e.value(), e.session(), e.createIndex(), e.modifyIndex());
        }
    }

    record ErrorJson(@JsonProperty("OpIndex") int opIndex, @JsonProperty("What") String what) {
    }
}
