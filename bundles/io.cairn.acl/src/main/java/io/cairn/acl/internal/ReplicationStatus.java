package io.cairn.acl.internal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code GET /v1/acl/replication}, Consul's shape. Times are RFC 3339; Go's zero time
 * ({@value #NEVER}) for never.
 *
 * @param enabled          whether this datacenter replicates ACLs from a primary (false in the primary)
 * @param running          whether this server is replicating now (its datacenter's leader)
 * @param sourceDatacenter the primary datacenter
 * @param replicationType  {@code policies} (policies and roles) or {@code tokens} (those and global tokens)
 * @param replicatedIndex  the primary's policy index last replicated
 * @param roleIndex        the primary's role index last replicated
 * @param tokenIndex       the primary's token index last replicated
 * @param lastSuccess      when a round last succeeded
 * @param lastError        when a round last failed
 * @param lastErrorMessage why it failed
 */
public record ReplicationStatus(@JsonProperty("Enabled") boolean enabled, @JsonProperty("Running") boolean running,
        @JsonProperty("SourceDatacenter") String sourceDatacenter,
        @JsonProperty("ReplicationType") String replicationType,
        @JsonProperty("ReplicatedIndex") long replicatedIndex,
        @JsonProperty("ReplicatedRoleIndex") long roleIndex,
        @JsonProperty("ReplicatedTokenIndex") long tokenIndex,
        @JsonProperty("LastSuccess") String lastSuccess, @JsonProperty("LastError") String lastError,
        @JsonProperty("LastErrorMessage") String lastErrorMessage) {

    /** Go's zero time, which Consul reports for a time that never was. */
    public static final String NEVER = "0001-01-01T00:00:00Z";
}
