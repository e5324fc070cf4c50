package io.cairn.agent.api;

import java.util.Locale;

/** Where a member stands in the cluster, with the names Consul's {@code members} command prints. */
public enum MemberStatus {
    /** Not yet known. */
    NONE,
    /** Taking part in the cluster. */
    ALIVE,
    /** Announced it is leaving. */
    LEAVING,
    /** Left on purpose. */
    LEFT,
    /** Stopped answering without leaving. */
    FAILED;

    /** The lower-case name Consul prints ({@code alive}, ...). */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
