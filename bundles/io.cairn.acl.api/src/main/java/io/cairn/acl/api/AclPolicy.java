package io.cairn.acl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A named set of ACL rules (Consul's {@code ACLPolicy}).
 *
 * @param id          the policy's UUID
 * @param name        its unique name
 * @param description free text
 * @param rules       the rules, in HCL or JSON (see Consul's ACL rules reference)
 * @param datacenters where the policy applies; empty for every datacenter
 * @param hash        the base64 content hash Consul replicates by; {@code ""} before it is computed
 * @param createIndex Raft index that created it
 * @param modifyIndex Raft index that last changed it
 */
public record AclPolicy(@JsonProperty("ID") String id, @JsonProperty("Name") String name,
        @JsonProperty("Description") String description, @JsonProperty("Rules") String rules,
        @JsonProperty("Datacenters") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> datacenters,
        @JsonProperty("Hash") String hash, @JsonProperty("CreateIndex") long createIndex,
        @JsonProperty("ModifyIndex") long modifyIndex) {

    /** ID of the built-in policy that grants everything; it can be renamed but not deleted or changed. */
    public static final String GLOBAL_MANAGEMENT_ID = "00000000-0000-0000-0000-000000000001";

    /** The built-in global-management policy as Consul creates it, rules text included. */
    public static final AclPolicy GLOBAL_MANAGEMENT = new AclPolicy(GLOBAL_MANAGEMENT_ID, "global-management",
            "Builtin Policy that grants unlimited access", "\n"
                    + "acl = \"write\"\n"
                    + "agent_prefix \"\" {\n\tpolicy = \"write\"\n}\n"
                    + "event_prefix \"\" {\n\tpolicy = \"write\"\n}\n"
                    + "key_prefix \"\" {\n\tpolicy = \"write\"\n}\n"
                    + "keyring = \"write\"\n"
                    + "node_prefix \"\" {\n\tpolicy = \"write\"\n}\n"
                    + "operator = \"write\"\n"
                    + "mesh = \"write\"\n"
                    + "peering = \"write\"\n"
                    + "query_prefix \"\" {\n\tpolicy = \"write\"\n}\n"
                    + "service_prefix \"\" {\n\tpolicy = \"write\"\n\tintentions = \"write\"\n}\n"
                    + "session_prefix \"\" {\n\tpolicy = \"write\"\n}",
            List.of(), "", 0, 0);

    public AclPolicy {
        id = id == null ? "" : id;
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        rules = rules == null ? "" : rules;
        datacenters = datacenters == null ? List.of() : List.copyOf(datacenters);
        hash = hash == null ? "" : hash;
    }

    /** Whether the policy applies in {@code datacenter}. */
    public boolean appliesIn(String datacenter) {
        return datacenters.isEmpty() || datacenters.contains(datacenter);
    }
}
