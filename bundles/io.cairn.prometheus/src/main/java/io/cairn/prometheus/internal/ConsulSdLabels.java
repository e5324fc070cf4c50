package io.cairn.prometheus.internal;

import java.util.Map;
import java.util.TreeMap;

import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.health.api.CheckStatus;

/**
 * The labels Prometheus' {@code consul_sd_configs} gives a service instance, so relabeling rules written for
 * consul_sd work unchanged on Cairn's HTTP SD: {@code __address__} is the service address (the node address
 * when the instance has none) and port; tags are joined with {@code ,} and wrapped in it ({@code ,a,b,}) so
 * rules need not care where a tag stands; node meta, service meta and the node's tagged addresses become one
 * label per key, the key sanitised to a label name.
 */
final class ConsulSdLabels {
    static final String PREFIX = "__meta_consul_";
    static final String TAG_SEPARATOR = ",";
    private static final String NODE_MAINTENANCE = "_node_maintenance";
    private static final String SERVICE_MAINTENANCE_PREFIX = "_service_maintenance:";

    private ConsulSdLabels() {
    }

    /** The labels of one instance, sorted by name. */
    static Map<String, String> of(ServiceEntry entry, String datacenter) {
        Node node = entry.node();
        NodeService service = entry.service();
        Map<String, String> labels = new TreeMap<>();
        labels.put("__address__", target(entry));
        labels.put(PREFIX + "address", node.address());
        labels.put(PREFIX + "dc", datacenter);
        labels.put(PREFIX + "health", health(entry));
        // Consul Enterprise only; consul_sd sets them empty against Consul CE
        labels.put(PREFIX + "namespace", "");
        labels.put(PREFIX + "partition", "");
        labels.put(PREFIX + "node", node.node());
        labels.put(PREFIX + "service", service.service());
        labels.put(PREFIX + "service_address", service.address());
        labels.put(PREFIX + "service_id", service.id());
        labels.put(PREFIX + "service_port", Integer.toString(service.port()));
        labels.put(PREFIX + "tags", TAG_SEPARATOR + String.join(TAG_SEPARATOR, service.tags()) + TAG_SEPARATOR);
        node.meta().forEach((k, v) -> labels.put(PREFIX + "metadata_" + labelName(k), v));
        service.meta().forEach((k, v) -> labels.put(PREFIX + "service_metadata_" + labelName(k), v));
        node.taggedAddresses().forEach((k, v) -> labels.put(PREFIX + "tagged_address_" + labelName(k), v));
        return labels;
    }

    /** {@code host:port}, the host in brackets when it is an IPv6 address (Go's {@code net.JoinHostPort}). */
    static String target(ServiceEntry entry) {
        String host = entry.service().address().isEmpty() ? entry.node().address() : entry.service().address();
        String port = Integer.toString(entry.service().port());
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }

    /**
     * The instance's aggregated status as Consul's Go client computes it: {@code maintenance} if a maintenance
     * check is present, else the worst of critical, warning and passing; {@code passing} without checks.
     */
    static String health(ServiceEntry entry) {
        boolean warning = false;
        boolean critical = false;
        boolean maintenance = false;
        for (HealthCheck check : entry.checks()) {
            if (check.checkId().equals(NODE_MAINTENANCE) || check.checkId().startsWith(SERVICE_MAINTENANCE_PREFIX)) {
                maintenance = true;
            } else if (check.status() == CheckStatus.CRITICAL) {
                critical = true;
            } else if (check.status() == CheckStatus.WARNING) {
                warning = true;
            }
        }
        if (maintenance) {
            return "maintenance";
        }
        return critical ? "critical" : warning ? "warning" : "passing";
    }

    /** Prometheus' {@code strutil.SanitizeLabelName}: every character outside {@code [a-zA-Z0-9_]} becomes {@code _}. */
    static String labelName(String key) {
        StringBuilder name = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            name.append(valid ? c : '_');
        }
        return name.toString();
    }
}
