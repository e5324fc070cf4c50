package io.cairn.filter;

import static io.cairn.filter.Shape.bool;
import static io.cairn.filter.Shape.integer;
import static io.cairn.filter.Shape.list;
import static io.cairn.filter.Shape.map;
import static io.cairn.filter.Shape.string;
import static io.cairn.filter.Shape.struct;
import static io.cairn.filter.Shape.unsigned;

/**
 * The shapes of the data each Consul endpoint filters: the selector tables of the endpoints' "Filtering"
 * sections, with the types of Consul's Go structs ({@code int} ports and weights, {@code uint64} indexes).
 */
public final class ConsulShapes {
    private static final Shape STRINGS = list(string());
    private static final Shape STRING_MAP = map(string());
    private static final Shape WEIGHTS = struct().field("Passing", integer()).field("Warning", integer());
    private static final Shape SERVICE_ADDRESSES =
            map(struct().field("Address", string()).field("Port", integer()));

    /** {@code GET /v1/catalog/nodes} elements. */
    public static final Shape NODE = struct().field("ID", string()).field("Node", string())
            .field("Address", string()).field("Datacenter", string()).field("TaggedAddresses", STRING_MAP)
            .field("Meta", STRING_MAP).field("CreateIndex", unsigned()).field("ModifyIndex", unsigned());

    /** {@code /v1/catalog/service/:s} elements; also what {@code /v1/catalog/services} filters over. */
    public static final Shape SERVICE_NODE = struct().field("ID", string()).field("Node", string())
            .field("Address", string()).field("Datacenter", string()).field("TaggedAddresses", STRING_MAP)
            .field("NodeMeta", STRING_MAP).field("ServiceKind", string()).field("ServiceID", string())
            .field("ServiceName", string()).field("ServiceTags", STRINGS).field("ServiceAddress", string())
            .field("ServiceTaggedAddresses", SERVICE_ADDRESSES).field("ServiceWeights", WEIGHTS)
            .field("ServiceMeta", STRING_MAP).field("ServicePort", integer()).field("ServiceSocketPath", string())
            .field("ServiceEnableTagOverride", bool()).field("CreateIndex", unsigned())
            .field("ModifyIndex", unsigned());

    /** {@code /v1/catalog/node/:n} (filters its Services); also {@code /v1/agent/services} values. */
    public static final Shape NODE_SERVICE = struct().field("Kind", string()).field("ID", string())
            .field("Service", string()).field("Tags", STRINGS).field("Address", string())
            .field("TaggedAddresses", SERVICE_ADDRESSES).field("Meta", STRING_MAP).field("Port", integer())
            .field("SocketPath", string()).field("Weights", WEIGHTS).field("EnableTagOverride", bool())
            .field("CreateIndex", unsigned()).field("ModifyIndex", unsigned());

    /** {@code /v1/health/node/:n}, {@code /checks/:s}, {@code /state/:s}; {@code /v1/agent/checks} values. */
    public static final Shape HEALTH_CHECK = struct().field("Node", string()).field("CheckID", string())
            .field("Name", string()).field("Status", string()).field("Notes", string()).field("Output", string())
            .field("ServiceID", string()).field("ServiceName", string()).field("ServiceTags", STRINGS)
            .field("Type", string()).field("ExposedPort", integer()).field("CreateIndex", unsigned())
            .field("ModifyIndex", unsigned());

    /** {@code /v1/health/service/:s} elements (Node, Service, Checks); also {@code /v1/query} execute Nodes. */
    public static final Shape SERVICE_ENTRY = struct().field("Node", NODE).field("Service", NODE_SERVICE)
            .field("Checks", list(HEALTH_CHECK));

    /** {@code /v1/agent/services} values. */
    public static final Shape AGENT_SERVICE = struct().field("Kind", string()).field("ID", string())
            .field("Service", string()).field("Tags", STRINGS).field("Address", string())
            .field("TaggedAddresses", SERVICE_ADDRESSES).field("Meta", STRING_MAP).field("Port", integer())
            .field("SocketPath", string()).field("Weights", WEIGHTS).field("EnableTagOverride", bool())
            .field("Datacenter", string());

    /** {@code /v1/agent/members} elements. */
    public static final Shape MEMBER = struct().field("Name", string()).field("Addr", string())
            .field("Port", integer()).field("Tags", STRING_MAP).field("Status", integer())
            .field("ProtocolMin", integer()).field("ProtocolMax", integer()).field("ProtocolCur", integer())
            .field("DelegateMin", integer()).field("DelegateMax", integer()).field("DelegateCur", integer());

    private ConsulShapes() {
    }
}
