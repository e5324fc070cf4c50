package io.cairn.raft.api;

/** The leader refused a command before it entered the log: no handler for its type, or the handler's validation failed. */
public class CommandRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandRejectedException(String message) {
        super(message);
    }
}
