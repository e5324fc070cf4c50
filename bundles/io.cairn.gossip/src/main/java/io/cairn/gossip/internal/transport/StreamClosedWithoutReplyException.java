package io.cairn.gossip.internal.transport;

import java.io.IOException;

/**
 * An exchange failed because the peer closed the stream without replying: what a peer does when it cannot accept
 * the request at all (it cannot decrypt it, it cannot parse it), as opposed to a peer that cannot be reached or
 * does not answer in time. A decorating transport can say what that likely means.
 */
public final class StreamClosedWithoutReplyException extends IOException {

    private static final long serialVersionUID = 1L;

    public StreamClosedWithoutReplyException(String message) {
        super(message);
    }
}
