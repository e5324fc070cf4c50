package io.cairn.raft.api;

/**
 * The leader's view of one server of the Raft configuration, for autopilot's health.
 *
 * @param id                the server's Raft id
 * @param lastContactMillis how long ago the leader last heard from it; 0 for the leader itself
 * @param lastIndex         the highest log index known to be stored on it (the leader's own last index for the
 *                          leader)
 * @param lastTerm          the term the leader knows it to be in: the leader's term
 */
public record ServerProgress(String id, long lastContactMillis, long lastIndex, long lastTerm) {
}
