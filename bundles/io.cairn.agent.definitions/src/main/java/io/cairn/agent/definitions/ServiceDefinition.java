package io.cairn.agent.definitions;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cairn.health.api.CheckDefinition;

/**
 * A validated service definition (Consul's {@code ServiceDefinition}) with Consul's defaults applied: the ID is
 * the name when none was given, and every check carries its derived ID, name and service ID.
 *
 * @param kind              {@code ""} for a typical service, else a mesh kind
 * @param id                the instance ID, unique on the agent
 * @param name              the service name
 * @param tags              the tags, in the order given
 * @param address           the address, {@code ""} for "the node's address"
 * @param taggedAddresses   extra addresses by purpose
 * @param meta              metadata
 * @param port              the port
 * @param socketPath        a Unix socket path instead of address and port, or {@code ""}
 * @param enableTagOverride whether other agents may change the tags in the catalog
 * @param weights           the DNS SRV weights
 * @param checks            the service's checks ({@code Check} first, then {@code Checks})
 */
public record ServiceDefinition(String kind, String id, String name, List<String> tags, String address,
        Map<String, TaggedAddress> taggedAddresses, Map<String, String> meta, int port, String socketPath,
        boolean enableTagOverride, Weights weights, List<CheckDefinition> checks) {

    public ServiceDefinition {
        kind = text(kind);
        name = text(name);
        id = id == null || id.isEmpty() ? name : id;
        tags = tags == null ? List.of() : List.copyOf(tags);
        address = text(address);
        taggedAddresses = sorted(taggedAddresses);
        meta = sorted(meta);
        socketPath = text(socketPath);
        weights = weights == null ? Weights.DEFAULT : weights;
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** Whether any of the service's checks runs a command (an {@code Args} or {@code Script} check). */
    public boolean hasScriptCheck() {
        return checks.stream().anyMatch(CheckDefinition::isScript);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static <V> Map<String, V> sorted(Map<String, V> values) {
        return values == null || values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
