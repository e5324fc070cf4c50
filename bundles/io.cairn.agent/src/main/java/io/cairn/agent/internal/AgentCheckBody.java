package io.cairn.agent.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.cairn.agent.definitions.ServiceDefinition;
import io.cairn.catalog.api.CheckDefinitions;
import io.cairn.health.api.CheckDefinition;

/** A local check as {@code /v1/agent/checks} shows it (Consul's HealthCheck). */
@JsonPropertyOrder({"Node", "CheckID", "Name", "Status", "Notes", "Output", "ServiceID", "ServiceName", "ServiceTags",
    "Type", "Interval", "Timeout", "ExposedPort", "Definition", "CreateIndex", "ModifyIndex"})
record AgentCheckBody(
        @JsonProperty("Node") String node,
        @JsonProperty("CheckID") String checkId,
        @JsonProperty("Name") String name,
        @JsonProperty("Status") String status,
        @JsonProperty("Notes") String notes,
        @JsonProperty("Output") String output,
        @JsonProperty("ServiceID") String serviceId,
        @JsonProperty("ServiceName") String serviceName,
        @JsonProperty("ServiceTags") List<String> serviceTags,
        @JsonProperty("Type") String type,
        @JsonProperty("Interval") String interval,
        @JsonProperty("Timeout") String timeout,
        @JsonProperty("ExposedPort") int exposedPort,
        @JsonProperty("Definition") Definition definition,
        @JsonProperty("CreateIndex") long createIndex,
        @JsonProperty("ModifyIndex") long modifyIndex) {

    /** How the check runs; only the fields that are set are shown, as in Consul. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"HTTP", "Header", "Method", "Body", "TLSServerName", "TLSSkipVerify", "TCP", "UDP", "GRPC",
        "GRPCUseTLS", "OSService", "Interval", "Timeout", "DeregisterCriticalServiceAfter"})
    record Definition(
            @JsonProperty("HTTP") String http,
            @JsonProperty("Header") Map<String, List<String>> header,
            @JsonProperty("Method") String method,
            @JsonProperty("Body") String body,
            @JsonProperty("TLSServerName") String tlsServerName,
            @JsonProperty("TLSSkipVerify") Boolean tlsSkipVerify,
            @JsonProperty("TCP") String tcp,
            @JsonProperty("UDP") String udp,
            @JsonProperty("GRPC") String grpc,
            @JsonProperty("GRPCUseTLS") Boolean grpcUseTls,
            @JsonProperty("OSService") String osService,
            @JsonProperty("Interval") String interval,
            @JsonProperty("Timeout") String timeout,
            @JsonProperty("DeregisterCriticalServiceAfter") String deregisterCriticalServiceAfter) {

        static Definition of(CheckDefinition d) {
            return new Definition(d.http(), d.header(), d.method(), d.body(), d.tlsServerName(),
                    d.tlsSkipVerify() ? Boolean.TRUE : null, d.tcp(), CheckDefinitions.udp(d), d.grpc(),
                    d.grpcUseTls() ? Boolean.TRUE : null, CheckDefinitions.osService(d), duration(d.interval()),
                    duration(d.timeout()), duration(d.deregisterCriticalServiceAfter()));
        }
    }

    /**
     * @param service the check's service, or {@code null} for a node check
     */
    static AgentCheckBody of(String node, LocalCheck check, ServiceDefinition service) {
        CheckDefinition definition = check.definition();
        return new AgentCheckBody(node, check.id(), definition.name(), check.status().text(),
                definition.notes(), check.output(), check.serviceId(), service == null ? "" : service.name(),
                service == null ? List.of() : service.tags(), check.type(), duration(definition.interval()),
                duration(definition.timeout()), 0, Definition.of(definition), 0, 0);
    }

    private static String duration(Duration duration) {
        return duration.isZero() ? "" : CatalogRecords.goDuration(duration);
    }
}
