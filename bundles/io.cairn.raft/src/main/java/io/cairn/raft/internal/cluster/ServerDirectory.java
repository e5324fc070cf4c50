package io.cairn.raft.internal.cluster;

import java.util.List;

/** What cluster formation needs from the LAN gossip pool. */
public interface ServerDirectory {

    /** The alive servers of this datacenter, this one included. */
    List<KnownServer> servers();

    /** Tells the other servers that this one belongs to a formed Raft group. */
    void announceFormed();
}
