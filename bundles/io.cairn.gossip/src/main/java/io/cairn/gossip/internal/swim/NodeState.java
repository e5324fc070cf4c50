package io.cairn.gossip.internal.swim;

/** Where SWIM has a member: the protocol's states, finer than the {@code MemberStatus} users see. */
public enum NodeState {
    /** Answers probes. Shown as alive. */
    ALIVE,
    /** Missed a probe and may be failed; it has until the suspicion timeout to refute. Still shown as alive. */
    SUSPECT,
    /** Declared failed. Shown as failed. */
    DEAD,
    /** Left on purpose, or was forced out after failing. Shown as left. */
    LEFT
}
