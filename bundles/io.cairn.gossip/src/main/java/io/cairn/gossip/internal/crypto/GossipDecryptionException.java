package io.cairn.gossip.internal.crypto;

import java.io.IOException;

/** A sealed message could not be opened: no installed key fits, or it is not a sealed message at all. */
public final class GossipDecryptionException extends IOException {

    private static final long serialVersionUID = 1L;

    public GossipDecryptionException(String message) {
        super(message);
    }
}
