package io.cairn.agent.internal;

import io.cairn.acl.api.Authorizer;
import io.cairn.agent.definitions.ServiceDefinition;
import io.cairn.health.api.CheckDefinition;
import io.cairn.http.api.Request;

/**
 * Consul's ACL rules for the agent's local services and checks: a service and its checks are read and written
 * under the service's name ({@code service:read}, {@code service:write}), a node check under this agent's node
 * ({@code node:read}, {@code node:write}). A write is vetted against what it changes and what it replaces; a
 * denied one fails with the 403 before anything changes. An unknown ID is not vetted: {@link LocalAgent} answers
 * it with Consul's 404.
 */
final class LocalAcl {
    private final String node;
    private final LocalState state;

    /** @param node this agent's node name */
    LocalAcl(String node, LocalState state) {
        this.node = node;
        this.state = state;
    }

    boolean mayRead(Authorizer acl, LocalService service) {
        return acl.serviceRead(service.definition().name());
    }

    boolean mayRead(Authorizer acl, LocalCheck check) {
        return check.serviceId().isEmpty() ? acl.nodeRead(node) : acl.serviceRead(serviceName(check));
    }

    /** Registering {@code service}: write on its name, and on the name of the service it replaces. */
    void requireRegister(Request request, ServiceDefinition service) {
        requireServiceWrite(request, service.name());
        requireServiceUpdate(request, service.id());
    }

    /** Changing the service {@code id} (deregistration, maintenance): write on its name. */
    void requireServiceUpdate(Request request, String id) {
        state.service(id).ifPresent(service -> requireServiceWrite(request, service.definition().name()));
    }

    /** Registering {@code check}: write on its service (its node for a node check), and on the check it replaces. */
    void requireRegister(Request request, CheckDefinition check) {
        if (check.serviceId().isEmpty()) {
            requireNodeWrite(request);
        } else {
            requireServiceUpdate(request, check.serviceId());
        }
        requireCheckUpdate(request, check.id());
    }

    /** Changing the check {@code id} (deregistration, TTL update): write on its service, or on the node. */
    void requireCheckUpdate(Request request, String id) {
        state.check(id).ifPresent(check -> {
            if (check.serviceId().isEmpty()) {
                requireNodeWrite(request);
            } else {
                requireServiceWrite(request, serviceName(check));
            }
        });
    }

    /** Changing this agent's node (node checks, node maintenance). */
    void requireNodeWrite(Request request) {
        if (!request.acl().nodeWrite(node)) {
            throw request.permissionDenied("node:write", node);
        }
    }

    private void requireServiceWrite(Request request, String service) {
        if (!request.acl().serviceWrite(service)) {
            throw request.permissionDenied("service:write", service);
        }
    }

    /** The name of a service check's service; {@code ""} should the service be gone already. */
    private String serviceName(LocalCheck check) {
        return state.service(check.serviceId()).map(service -> service.definition().name()).orElse("");
    }
}
