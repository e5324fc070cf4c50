package io.cairn.agent.definitions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of one kind of definition object. A key matches a field whatever its case and underscores, so
 * {@code DeregisterCriticalServiceAfter}, {@code deregister_critical_service_after} and
 * {@code deregistercriticalserviceafter} are the same field, as in Consul.
 */
final class FieldTable {

    /** How a field's value is read. */
    enum Kind { TEXT, BOOL, INT, DURATION, STRINGS, HEADER, STRING_MAP, TAGGED_ADDRESSES, WEIGHTS, CHECK, CHECKS, ANY }

    /**
     * @param apiName    the canonical (API) name, under which the value is kept
     * @param configName the config-file spelling, listed in "unknown field" errors
     */
    record Field(String apiName, String configName, Kind kind) {
    }

    static final FieldTable SERVICE = new FieldTable(List.of(
            new Field("ID", "id", Kind.TEXT), new Field("Name", "name", Kind.TEXT),
            new Field("Kind", "kind", Kind.TEXT), new Field("Tags", "tags", Kind.STRINGS),
            new Field("Address", "address", Kind.TEXT),
            new Field("TaggedAddresses", "tagged_addresses", Kind.TAGGED_ADDRESSES),
            new Field("Meta", "meta", Kind.STRING_MAP), new Field("Port", "port", Kind.INT),
            new Field("SocketPath", "socket_path", Kind.TEXT),
            new Field("EnableTagOverride", "enable_tag_override", Kind.BOOL),
            new Field("Weights", "weights", Kind.WEIGHTS), new Field("Check", "check", Kind.CHECK),
            new Field("Checks", "checks", Kind.CHECKS), new Field("Token", "token", Kind.TEXT),
            new Field("Proxy", "proxy", Kind.ANY), new Field("Connect", "connect", Kind.ANY)));

    static final FieldTable CHECK = new FieldTable(List.of(
            new Field("CheckID", "id", Kind.TEXT), new Field("CheckID", "check_id", Kind.TEXT),
            new Field("Name", "name", Kind.TEXT), new Field("Notes", "notes", Kind.TEXT),
            new Field("Status", "status", Kind.TEXT), new Field("ServiceID", "service_id", Kind.TEXT),
            new Field("Args", "args", Kind.STRINGS), new Field("Args", "script_args", Kind.STRINGS),
            new Field("Script", "script", Kind.TEXT), new Field("HTTP", "http", Kind.TEXT),
            new Field("Method", "method", Kind.TEXT), new Field("Header", "header", Kind.HEADER),
            new Field("Body", "body", Kind.TEXT), new Field("DisableRedirects", "disable_redirects", Kind.BOOL),
            new Field("TLSServerName", "tls_server_name", Kind.TEXT),
            new Field("TLSSkipVerify", "tls_skip_verify", Kind.BOOL), new Field("TCP", "tcp", Kind.TEXT),
            new Field("TCPUseTLS", "tcp_use_tls", Kind.BOOL), new Field("UDP", "udp", Kind.TEXT),
            new Field("GRPC", "grpc", Kind.TEXT), new Field("GRPCUseTLS", "grpc_use_tls", Kind.BOOL),
            new Field("H2PING", "h2ping", Kind.TEXT), new Field("H2PingUseTLS", "h2ping_use_tls", Kind.BOOL),
            new Field("DockerContainerID", "docker_container_id", Kind.TEXT), new Field("Shell", "shell", Kind.TEXT),
            new Field("OSService", "os_service", Kind.TEXT), new Field("AliasNode", "alias_node", Kind.TEXT),
            new Field("AliasService", "alias_service", Kind.TEXT), new Field("TTL", "ttl", Kind.DURATION),
            new Field("Interval", "interval", Kind.DURATION), new Field("Timeout", "timeout", Kind.DURATION),
            new Field("DeregisterCriticalServiceAfter", "deregister_critical_service_after", Kind.DURATION),
            new Field("SuccessBeforePassing", "success_before_passing", Kind.INT),
            new Field("FailuresBeforeWarning", "failures_before_warning", Kind.INT),
            new Field("FailuresBeforeCritical", "failures_before_critical", Kind.INT),
            new Field("OutputMaxSize", "output_max_size", Kind.INT), new Field("Token", "token", Kind.TEXT)));

    static final FieldTable WEIGHTS = new FieldTable(List.of(
            new Field("Passing", "passing", Kind.INT), new Field("Warning", "warning", Kind.INT)));

    static final FieldTable TAGGED_ADDRESS = new FieldTable(List.of(
            new Field("Address", "address", Kind.TEXT), new Field("Port", "port", Kind.INT)));

    private final Map<String, Field> byKey = new LinkedHashMap<>();

    private FieldTable(List<Field> fields) {
        for (Field field : fields) {
            byKey.put(normalise(field.configName()), field);
            byKey.putIfAbsent(normalise(field.apiName()), field);
        }
    }

    /** The field a key names, if any. */
    Optional<Field> lookup(String key) {
        return Optional.ofNullable(byKey.get(normalise(key)));
    }

    /** The field {@code key} names; in a config file an unknown key is an error listing the known ones. */
    Optional<Field> lookup(String key, Where where) throws DefinitionException {
        Optional<Field> field = lookup(key);
        if (field.isEmpty() && where.configFile()) {
            List<String> known = byKey.values().stream().map(Field::configName).distinct().toList();
            throw where.field(key).fail("unknown field (known fields: " + String.join(", ", known) + ")");
        }
        return field;
    }

    private static String normalise(String key) {
        return key.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
