package io.cairn.raft.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the Raft server (PID {@code io.cairn.raft}); the launcher fills them from {@code cairn.*} properties.
 * Who and where the server is (node name, datacenter, data dir, addresses, ports) comes from the agent's identity.
 */
@ObjectClassDefinition(name = "Cairn Raft server", description = "The replicated log of this Cairn server agent")
@interface RaftConfig {

    @AttributeDefinition(description = "Servers to wait for before bootstrapping the group; 0: never bootstrap, "
            + "1: start alone (dev)")
    int bootstrap_expect() default 0;

    /*
     * Ratis takes snapshots on its apply thread, so every write waits while one is written: as etcd does
     * (--snapshot-count), take one per 100,000 entries rather than every few seconds under load; replaying that
     * many entries on restart takes about a second.
     */
    @AttributeDefinition(description = "Applied log entries between snapshots; the log is compacted up to each")
    long snapshot_threshold() default 100_000;
}
