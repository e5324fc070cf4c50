package io.cairn.tcp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a {@link BoundedTcpListener} serves: how requests are framed, and how each is answered.
 *
 * @param <F> the protocol's frame
 */
@ConsumerType
public interface Protocol<F extends Frame> {

    /** An empty frame for the next request on a connection; called on the listener's thread. */
    F newRequest();

    /**
     * Answers a complete request. Called on the listener's thread, so it must not block: an answer that takes time
     * (a question forwarded to another server) is computed elsewhere and completes the stage there. The stage must
     * complete in the end: until it does, its connection keeps its slot, and no deadline runs meanwhile.
     *
     * @return the bytes to send, framed as they go on the wire; an empty answer closes the connection without
     *         one. A stage completed exceptionally (an {@link Error} included) is logged as an error and closes
     *         that connection only.
     * @throws IOException if the request is not acceptable after all; the connection is dropped and the message
     *                     logged as the reason
     */
    CompletionStage<Optional<ByteBuffer>> answer(F request) throws IOException;
}
