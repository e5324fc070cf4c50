package io.cairn.acl.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A grant of everything needed to act as one node (Consul's {@code ACLNodeIdentity}): it expands to
 * {@code node:write} on the node and {@code service_prefix ""} read, in the node's datacenter only.
 *
 * @param nodeName   the node's name
 * @param datacenter the node's datacenter, the only one the grant applies in
 */
public record NodeIdentity(@JsonProperty("NodeName") String nodeName,
        @JsonProperty("Datacenter") String datacenter) {

    public NodeIdentity {
        nodeName = nodeName == null ? "" : nodeName;
        datacenter = datacenter == null ? "" : datacenter;
    }

    /** Whether the grant applies in {@code dc}. */
    public boolean appliesIn(String dc) {
        return datacenter.equals(dc);
    }
}
