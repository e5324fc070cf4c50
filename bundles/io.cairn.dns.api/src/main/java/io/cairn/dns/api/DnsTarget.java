package io.cairn.dns.api;

import java.util.Map;

/**
 * One thing a name stands for: a service instance, a node or a bare address.
 *
 * @param kind        what the target is; decides the record types the server can answer with and the TTL
 * @param node        the node name ({@code null} for {@link Kind#ADDRESS})
 * @param address     the address A/AAAA answers carry: an IP literal, or a host name (answered with a CNAME)
 * @param nodeAddress the node's own address; when it differs from {@code address}, SRV answers point at
 *                    {@code <hex>.addr.<dc>.<domain>} instead of {@code <node>.node.<dc>.<domain>}
 * @param port        the service port for SRV answers (0 unless {@link Kind#SERVICE})
 * @param weight      the SRV weight
 * @param meta        node metadata, answered as RFC 1464 TXT records for {@link Kind#NODE}
 */
public record DnsTarget(Kind kind, String node, String address, String nodeAddress, int port, int weight,
        Map<String, String> meta) {

    /** What a target is. */
    public enum Kind {
        /** A service instance: A/AAAA/CNAME and SRV answers, TTL {@code service.ttl}. */
        SERVICE,
        /** A node: A/AAAA/CNAME and TXT answers, TTL {@code node.ttl}. */
        NODE,
        /** A bare address ({@code <hex>.addr}): A/AAAA answers only. */
        ADDRESS
    }

    public DnsTarget {
        meta = meta == null ? Map.of() : Map.copyOf(meta);
    }
}
