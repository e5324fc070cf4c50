package io.cairn.tcp;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One request of a protocol, collected as its bytes arrive. The frame owns its memory and bounds it: it refuses a
 * request (by throwing from {@link #received()}) as soon as the bytes can no longer be the start of an acceptable
 * one, so a client streaming without end costs at most the largest request the protocol accepts.
 *
 * <p>Called on the listener's thread only; a new frame is made for each request.
 */
@ConsumerType
public interface Frame {

    /**
     * Where the next bytes of this request go: a buffer with room left (never none while the request is
     * incomplete). The listener reads no further than its limit, so bytes of a following request stay in the
     * socket until their own frame asks for them.
     */
    ByteBuffer room();

    /**
     * Called after bytes were read into the buffer {@link #room()} returned last.
     *
     * @return whether the request is now complete
     * @throws IOException if what arrived so far cannot be (the start of) an acceptable request, for example one
     *                     longer than the protocol allows; the listener drops the connection and logs the message
     *                     as the reason
     */
    boolean received() throws IOException;
}
