package io.cairn.catalog.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cairn.catalog.api.CheckDefinitions;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.ServiceAddress;
import io.cairn.catalog.api.Weights;
import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckStatus;
import io.cairn.raft.api.Entry;

/**
 * What the catalog table stores per record and what commands carry: the API records minus the indexes (those
 * live in the Raft core's {@link Entry}) and minus the datacenter (configuration, not data). Encoded by
 * {@link io.cairn.json.lang.ReplicatedJson}; field names are part of the replicated format.
 */
final class Stored {

    private Stored() {
    }

    /** A node. */
    public record Node(String id, String node, String address, Map<String, String> taggedAddresses,
            Map<String, String> meta) {

        io.cairn.catalog.api.Node toApi(String datacenter, Entry entry) {
            return new io.cairn.catalog.api.Node(id, node, address, datacenter, taggedAddresses, meta,
                    entry.createIndex(), entry.modifyIndex());
        }
    }

    /** A service instance on {@code node}. */
    public record Service(String node, String kind, String id, String service, List<String> tags,
            String address, Map<String, ServiceAddress> taggedAddresses, Map<String, String> meta, int port,
            Weights weights, boolean enableTagOverride) {

        static Service of(String node, NodeService s) {
            return new Service(node, s.kind(), s.id(), s.service(), s.tags(), s.address(), s.taggedAddresses(),
                    s.meta(), s.port(), s.weights(), s.enableTagOverride());
        }

        NodeService toApi(Entry entry) {
            return new NodeService(kind, id, service, tags, address, taggedAddresses, meta, port, weights,
                    enableTagOverride, entry.createIndex(), entry.modifyIndex());
        }
    }

    /** A check on {@code node}; durations in nanoseconds so the encoding needs no time module. */
    public record Check(String node, String checkId, String name, String status, String notes, String output,
            String serviceId, String serviceName, List<String> serviceTags, String type, Definition definition) {

        static Check of(String node, HealthCheck c) {
            CheckStatus status = c.status() == null ? CheckStatus.CRITICAL : c.status();
            return new Check(node, c.checkId(), c.name(), status.text(), c.notes(), c.output(), c.serviceId(),
                    c.serviceName(), c.serviceTags(), c.type(), Definition.of(c.definition()));
        }

        Check forService(Service service) {
            return new Check(node, checkId, name, status, notes, output, serviceId, service.service(),
                    service.tags(), type, definition);
        }

        HealthCheck toApi(Entry entry) {
            return new HealthCheck(node, checkId, name, CheckStatus.parse(status).orElse(CheckStatus.CRITICAL),
                    notes, output, serviceId, serviceName, serviceTags, type, definition.toApi(),
                    entry.createIndex(), entry.modifyIndex());
        }
    }

    /** A check definition. */
    public record Definition(String http, Map<String, List<String>> header, String method, String body,
            String tlsServerName, boolean tlsSkipVerify, String tcp, String udp, String grpc, boolean grpcUseTls,
            String osService, long intervalNanos, long timeoutNanos, long deregisterCriticalServiceAfterNanos) {

        static Definition of(CheckDefinition d) {
            return new Definition(d.http(), d.header(), d.method(), d.body(), d.tlsServerName(),
                    d.tlsSkipVerify(), d.tcp(), CheckDefinitions.udp(d), d.grpc(), d.grpcUseTls(),
                    CheckDefinitions.osService(d), d.interval().toNanos(), d.timeout().toNanos(),
                    d.deregisterCriticalServiceAfter().toNanos());
        }

        /**
         * Negative durations read as zero: the health API's definition refuses them, and registrations are now
         * refused with them, but records written before that still replay.
         */
        CheckDefinition toApi() {
            return CheckDefinitions.of(http, header, method, body, tlsServerName, tlsSkipVerify, tcp, udp, grpc,
                    grpcUseTls, osService, recordedDuration(intervalNanos), recordedDuration(timeoutNanos),
                    recordedDuration(deregisterCriticalServiceAfterNanos));
        }

        private static Duration recordedDuration(long nanos) {
            return Duration.ofNanos(Math.max(0, nanos));
        }
    }
}
