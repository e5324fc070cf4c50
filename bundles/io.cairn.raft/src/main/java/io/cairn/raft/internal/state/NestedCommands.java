package io.cairn.raft.internal.state;

import io.cairn.raft.api.StateWriter;

/** Runs a command of another type inside the one being applied ({@link StateWriter#apply(String, byte[])}). */
@FunctionalInterface
public interface NestedCommands {

    /**
     * Applies {@code payload} through the handler of {@code type} with {@code writer}. Throws
     * {@link ApplyAbortedException} if the server stops while waiting for a missing handler.
     */
    byte[] apply(String type, byte[] payload, StateWriter writer);
}
