package io.cairn.gossip.internal.swim;

/** Bytes that are not a message of this protocol version, or a field outside its bounds. */
final class MalformedMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedMessageException(String message) {
        super(message);
    }
}
