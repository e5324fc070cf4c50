package io.cairn.http.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a {@link BodyStream} puts the chunks of a streamed body. The server keeps a bounded queue per client: a
 * chunk offered while the queue is full (the client reads slower than the producer writes) is dropped and
 * counted, never waited for, so a slow client holds neither the producer's thread nor unbounded memory. When the
 * client goes away, or the server stops, the sink closes: the queue is let go and the close actions run.
 */
@ProviderType
public interface StreamSink {

    /**
     * Queues {@code chunk} to be sent as it is.
     *
     * @return {@code false} when it was dropped: the client's queue is full (counted in {@link #dropped()}) or the
     *         sink is closed
     */
    boolean offer(byte[] chunk);

    /** How many chunks were dropped so far because the client's queue was full. */
    long dropped();

    /** Whether the stream has ended: closed by the producer, the client gone or the server stopping. */
    boolean isClosed();

    /**
     * Runs {@code action} once when the stream ends, whoever ends it; at once (on the calling thread) if it has
     * ended already. The producer lets go of the sink here.
     */
    void onClose(Runnable action);

    /** Ends the body after the chunks already queued; offers after this are dropped. */
    void close();
}
