package io.cairn.raft.api;

/**
 * The outcome of an applied command.
 *
 * @param index  the Raft index the command was committed at
 * @param result what the command's {@link CommandHandler#apply} returned
 */
public record CommandResult(long index, byte[] result) {
}
