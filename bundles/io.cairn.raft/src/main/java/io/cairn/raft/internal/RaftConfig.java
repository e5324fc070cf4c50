package io.cairn.raft.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the Raft server (PID {@code io.cairn.raft}); the launcher fills them from {@code cairn.*} properties. */
@ObjectClassDefinition(name = "Cairn Raft server", description = "The replicated log of this Cairn server agent")
@interface RaftConfig {

    @AttributeDefinition(description = "Node name, also the Raft peer id; default: the host name")
    String node_name() default "";

    @AttributeDefinition(description = "Datacenter; its servers form one Raft group")
    String datacenter() default "dc1";

    @AttributeDefinition(description = "Data directory; Raft keeps its log and snapshots under <dir>/raft")
    String data_dir() default "data/cairn";

    @AttributeDefinition(description = "Address the Raft and join ports listen on")
    String bind_address() default "0.0.0.0";

    @AttributeDefinition(description = "Address other servers reach this one at; default: the bind address, "
            + "or this host's address if that is a wildcard")
    String advertise_address() default "";

    @AttributeDefinition(description = "Raft (server RPC) port")
    int server_port() default 8300;

    @AttributeDefinition(description = "Join (Serf LAN) port")
    int serf_lan_port() default 8301;

    @AttributeDefinition(description = "Servers to wait for before bootstrapping the group; 0: never bootstrap, "
            + "1: start alone (dev)")
    int bootstrap_expect() default 0;

    @AttributeDefinition(description = "Join addresses host[:port] of other servers (port default 8301); "
            + "values may also be comma-separated")
    String[] retry_join() default {};

    /*
     * Ratis takes snapshots on its apply thread, so every write waits while one is written: as etcd does
     * (--snapshot-count), take one per 100,000 entries rather than every few seconds under load; replaying that
     * many entries on restart takes about a second.
     */
    @AttributeDefinition(description = "Applied log entries between snapshots; the log is compacted up to each")
    long snapshot_threshold() default 100_000;
}
