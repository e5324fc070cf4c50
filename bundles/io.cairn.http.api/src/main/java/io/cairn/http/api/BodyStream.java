package io.cairn.http.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The producer of a {@linkplain Response#stream streamed} response body, such as the agent's log lines for
 * {@code /v1/agent/monitor}: the server sends the status and headers, then {@linkplain #open opens} the stream and
 * sends each chunk offered to the sink as it comes, until the producer closes the sink or the client goes away.
 */
@ConsumerType
@FunctionalInterface
public interface BodyStream {

    /**
     * Starts producing: called once, after the status and headers are sent. Offer chunks to {@code sink} from any
     * thread, and stop as soon as it {@linkplain StreamSink#onClose closes}; do not block here.
     */
    void open(StreamSink sink);
}
