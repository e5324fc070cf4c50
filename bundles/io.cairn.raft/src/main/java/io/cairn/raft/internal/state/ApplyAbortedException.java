package io.cairn.raft.internal.state;

/**
 * The server stopped before a command could be applied (for example while it waited for a missing handler).
 * Unlike a command's own failure this is not an outcome: the command's writes are discarded, the applied index
 * does not move, and the entry is applied again when the server restarts.
 */
public final class ApplyAbortedException extends RuntimeException {

    public ApplyAbortedException(String message) {
        super(message);
    }
}
