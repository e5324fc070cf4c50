package io.cairn.session.internal.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.cairn.health.api.GoDuration;
import io.cairn.session.api.Session;

/**
 * Consul's session JSON. {@code LockDelay} is a nanosecond number and {@code TTL} Go duration text ({@code ""}
 * without TTL); {@code ServiceChecks} is {@code null} when empty; the legacy {@code Checks} list is left out
 * when it would only repeat the default {@code serfHealth}, as Consul 1.7+ does.
 */
@JsonPropertyOrder({"ID", "Name", "Node", "LockDelay", "Behavior", "TTL", "NodeChecks", "ServiceChecks", "Checks",
        "CreateIndex", "ModifyIndex"})
public record SessionJson(@JsonProperty("ID") String id, @JsonProperty("Name") String name,
        @JsonProperty("Node") String node, @JsonProperty("LockDelay") long lockDelay,
        @JsonProperty("Behavior") String behavior, @JsonProperty("TTL") String ttl,
        @JsonProperty("NodeChecks") List<String> nodeChecks,
        @JsonProperty("ServiceChecks") List<ServiceCheckJson> serviceChecks,
        @JsonProperty("Checks") @JsonInclude(JsonInclude.Include.NON_NULL) List<String> checks,
        @JsonProperty("CreateIndex") long createIndex, @JsonProperty("ModifyIndex") long modifyIndex) {

    /** The check every session is bound to unless the request says otherwise. */
    static final String SERF_HEALTH = "serfHealth";

    /** One of {@code ServiceChecks}. */
    public record ServiceCheckJson(@JsonProperty("ID") String id, @JsonProperty("Namespace") String namespace) {
    }

    public static SessionJson of(Session s) {
        List<ServiceCheckJson> services = s.serviceChecks().isEmpty() ? null
                : s.serviceChecks().stream().map(c -> new ServiceCheckJson(c.id(), c.namespace())).toList();
        List<String> all = s.checkIds();
        boolean onlyDefault = all.equals(List.of(SERF_HEALTH));
        return new SessionJson(s.id(), s.name(), s.node(), s.lockDelay().toNanos(), s.behavior().text(),
                s.ttl().isZero() ? "" : GoDuration.format(s.ttl()), s.nodeChecks(), services,
                onlyDefault ? null : all, s.createIndex(), s.modifyIndex());
    }
}
