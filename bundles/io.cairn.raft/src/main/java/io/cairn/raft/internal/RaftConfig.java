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

    @AttributeDefinition(description = "Milliseconds a write waits for a leader before it fails with No cluster "
            + "leader (Consul's rpc_hold_timeout, 7s)")
    long rpc_hold_timeout_millis() default 7_000;

    @AttributeDefinition(description = "Seconds a deleted key's tombstone is kept before it is compacted away, so that "
            + "a blocking query on its prefix sees the deletion (Consul's 15 minutes)")
    long tombstone_ttl_seconds() default 900;

    /*
     * TLS of the Raft port, Consul's tls.internal_rpc (the launcher resolves tls.defaults and the deprecated
     * top-level keys into these). Off unless verify_incoming, verify_outgoing or verify_server_hostname is set.
     */
    @AttributeDefinition(description = "PEM file of the CA that signs the servers' certificates; empty for none")
    String tls_ca_file() default "";

    @AttributeDefinition(description = "Directory of PEM CA files, each trusted like tls.ca.file; empty for none")
    String tls_ca_path() default "";

    @AttributeDefinition(description = "PEM file of this server's certificate (with any chain after it)")
    String tls_cert_file() default "";

    @AttributeDefinition(description = "PEM file of this server's private key")
    String tls_key_file() default "";

    @AttributeDefinition(description = "Servers connecting here must present a certificate signed by the CA")
    boolean tls_verify_incoming() default false;

    @AttributeDefinition(description = "Servers connected to must present a certificate signed by the CA")
    boolean tls_verify_outgoing() default false;

    @AttributeDefinition(description = "Servers connected to must present a certificate for "
            + "server.<datacenter>.consul; implies tls.verify.outgoing")
    boolean tls_verify_server_hostname() default false;

    @AttributeDefinition(description = "Oldest TLS protocol accepted: TLSv1, TLSv1.1, TLSv1.2 or TLSv1.3")
    String tls_min_version() default "TLSv1.2";
}
