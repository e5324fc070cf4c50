package io.cairn.query.internal;

import io.cairn.json.lang.ReplicatedJson;
import io.cairn.raft.api.Entry;
import io.cairn.query.api.PreparedQuery;

/**
 * The {@value io.cairn.query.api.PreparedQueries#TABLE} records as stored: {@link ReplicatedJson} without their
 * indexes (the Raft core's {@link Entry} has them).
 */
final class QueryCodec {

    private QueryCodec() {
    }

    /** The stored form of {@code query}: its indexes zeroed. */
    static byte[] record(PreparedQuery query) {
        return ReplicatedJson.encode(query.withId(query.id(), 0, 0));
    }

    /** The query a table entry holds, with the entry's indexes. */
    static PreparedQuery read(Entry entry) {
        PreparedQuery stored = ReplicatedJson.decode(entry.value(), PreparedQuery.class);
        return stored.withId(entry.key(), entry.createIndex(), entry.modifyIndex());
    }
}
