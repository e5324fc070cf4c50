package io.cairn.http.api;

/**
 * A {@link StateQuery}'s answer.
 * <p>
 * Most answers report a Raft index, which only grows with the data, so a blocking query ({@code ?index=N})
 * waits until the reported index is above N. A few of Consul's reads report a value that is no position in the
 * log, such as the event list's hash of its newest event's ID; such an answer is {@linkplain #unordered
 * unordered}: the server waits for the {@link Watch watched} records to change after the state it answered
 * from and answers as soon as the reported value differs from N, whether it is larger or smaller.
 * <p>
 * A blocking query waits on the query's {@link StateQuery#watch watch}, unless the answer's index comes from more
 * records than that: a read of a missing KV key reports the whole KV table's index, as Consul does, so a write to
 * any other key moves the index the client would get. Such an answer names the records its index comes from
 * ({@link #indexedBy}), and the server waits on those instead, so the query wakes as soon as its index moves.
 *
 * @param index       the index reported as {@code X-Consul-Index}: any 64-bit value, read as unsigned (the
 *                    server sends 1 for 0)
 * @param response    what to send
 * @param ordered     {@code true} when {@code index} is a Raft index that grows with the data, {@code false} when
 *                    it is a value only ever compared for equality
 * @param indexSource the records {@code index} is computed from, when they are more than the query watches;
 *                    {@code null} when the query's watch covers them
 */
public record Answer(long index, Response response, boolean ordered, Watch indexSource) {

    /** An answer whose index comes from the records the query watches. */
    public Answer(long index, Response response, boolean ordered) {
        this(index, response, ordered, null);
    }

    /** An answer that reports the Raft index of the data answered. */
    public Answer(long index, Response response) {
        this(index, response, true, null);
    }

    /** An answer whose reported index is a value without order: blocking queries wait until it differs. */
    public static Answer unordered(long index, Response response) {
        return new Answer(index, response, false, null);
    }

    /**
     * This answer, its index computed from {@code records} (more than the query watches, e.g. the whole table
     * for a missing key): a blocking query given it waits for a change to those records.
     */
    public Answer indexedBy(Watch records) {
        return new Answer(index, response, ordered, records);
    }

    /** The {@code X-Consul-Index} sent: {@code index}, or 1 for 0, which would make waiting clients spin. */
    public long reportedIndex() {
        return index == 0 ? 1 : index;
    }

    /**
     * Whether a client that last saw {@code clientIndex} gets this answer now instead of waiting: when the
     * reported index is above it (unsigned) for an ordered answer, when it differs from it for an unordered one.
     */
    public boolean changedSince(long clientIndex) {
        return ordered ? Long.compareUnsigned(reportedIndex(), clientIndex) > 0 : reportedIndex() != clientIndex;
    }
}
