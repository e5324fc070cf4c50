package io.cairn.session.api;

/**
 * A service-level health check a session is bound to (Consul's {@code ServiceChecks} element).
 *
 * @param id        the check ID on the session's node
 * @param namespace the namespace (Enterprise; {@code ""} here)
 */
public record ServiceCheck(String id, String namespace) {

    public ServiceCheck {
        id = id == null ? "" : id;
        namespace = namespace == null ? "" : namespace;
    }
}
