package io.cairn.raft.api;

/**
 * The outcome of an applied command.
 *
 * @param index  the Raft index the command was committed at, as its records carry it (the log counted from 1, as
 *               Consul counts it: a new cluster's first command has index 2)
 * @param result what the command's {@link CommandHandler#apply} returned
 */
public record CommandResult(long index, byte[] result) {
}
