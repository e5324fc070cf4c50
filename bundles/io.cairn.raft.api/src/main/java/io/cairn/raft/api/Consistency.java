package io.cairn.raft.api;

/** How fresh a read must be, matching Consul's consistency modes. */
public enum Consistency {
    /** Served with the leader's view, without the leader re-confirming its leadership (Consul's default). */
    DEFAULT,
    /** The leader confirms it is still leader (a read index round) before the read is served. */
    CONSISTENT,
    /** Any server answers from its local state, however far behind it is. */
    STALE
}
