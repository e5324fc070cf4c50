package io.cairn.raft.api;

/** No leader is known, so the request cannot be served; Consul's clients expect the text "No cluster leader". */
public class NoLeaderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NoLeaderException() {
        super("No cluster leader");
    }

    public NoLeaderException(Throwable cause) {
        super("No cluster leader", cause);
    }
}
