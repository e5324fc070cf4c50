package io.cairn.catalog.internal;

import java.util.List;
import java.util.Optional;

import io.cairn.acl.api.Authorizer;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.NodeServices;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;

/**
 * Consul's ACL vetting of {@code /v1/catalog/register} and {@code /deregister}, done against the catalog as it is
 * before the write is submitted; a refusal is thrown before anything changes.
 */
final class CatalogWriteAcl {

    private CatalogWriteAcl() {
    }

    /**
     * Refuses {@code register} unless the token may make every change in it: {@code node:write} on the node when
     * it creates the node or changes its fields, {@code service:write} on the registered service and on the
     * service of the instance it replaces, {@code node:write} for node checks and {@code service:write} on the
     * service of a check on another instance already on the node.
     *
     * @param existing the node and its instances now; empty if the node is not registered
     */
    static void vetRegister(Request request, CatalogCommand.Register register, Optional<NodeServices> existing) {
        Authorizer acl = request.acl();
        String node = register.node().node();
        if (existing.map(found -> changesNode(register, found.node())).orElse(true) && !acl.nodeWrite(node)) {
            throw request.permissionDenied("node:write", node);
        }
        Stored.Service service = register.service();
        if (service != null) {
            requireServiceWrite(request, service.service());
            instance(existing, service.id()).ifPresent(replaced -> requireServiceWrite(request, replaced.service()));
        }
        for (Stored.Check check : register.checks()) {
            if (check.serviceId().isEmpty()) {
                if (!acl.nodeWrite(node)) {
                    throw request.permissionDenied("node:write", node);
                }
            } else if (service == null || !service.id().equals(check.serviceId())) {
                // a check on an instance that is not there is refused by the catalog itself
                instance(existing, check.serviceId()).ifPresent(other -> requireServiceWrite(request,
                        other.service()));
            }
        }
    }

    /**
     * Refuses {@code deregister} by a token without {@code node:write} on the node (which may remove anything on
     * it) unless it removes an instance, or a service check, whose service the token has {@code service:write}
     * on: Consul lets a token that may write a service remove its instances and their checks without node rights.
     * An instance or check that is not there cannot be vetted: 500 with Consul's text.
     *
     * @param existing the node's instances now; empty if the node is not registered
     * @param checks   the node's checks now
     */
    static void vetDeregisterWithoutNodeWrite(Request request, CatalogCommand.Deregister deregister,
            Optional<NodeServices> existing, List<HealthCheck> checks) {
        String node = deregister.node();
        if (!deregister.serviceId().isEmpty()) {
            NodeService service = instance(existing, deregister.serviceId()).orElseThrow(
                    () -> new HttpException(500, "Unknown service ID '" + deregister.serviceId() + "'"));
            requireServiceWrite(request, service.service());
        } else if (!deregister.checkId().isEmpty()) {
            HealthCheck check = checks.stream().filter(c -> c.checkId().equals(deregister.checkId())).findFirst()
                    .orElseThrow(() -> new HttpException(500, "Unknown check ID '" + deregister.checkId() + "'"));
            if (check.serviceId().isEmpty()) {
                throw request.permissionDenied("node:write", node);
            }
            requireServiceWrite(request, check.serviceName());
        } else {
            throw request.permissionDenied("node:write", node);
        }
    }

    /**
     * Whether registering changes the node's own fields, as Consul's {@code ChangesNode} decides: never with
     * {@code SkipNodeUpdate}, else when the ID, name (case-insensitively), address, tagged addresses or
     * metadata differ.
     */
    private static boolean changesNode(CatalogCommand.Register register, Node now) {
        Stored.Node wanted = register.node();
        return !register.skipNodeUpdate() && (!wanted.id().equals(now.id())
                || !wanted.node().equalsIgnoreCase(now.node()) || !wanted.address().equals(now.address())
                || !wanted.taggedAddresses().equals(now.taggedAddresses()) || !wanted.meta().equals(now.meta()));
    }

    private static Optional<NodeService> instance(Optional<NodeServices> node, String id) {
        return node.stream().flatMap(found -> found.services().stream()).filter(s -> s.id().equals(id)).findFirst();
    }

    private static void requireServiceWrite(Request request, String service) {
        if (!request.acl().serviceWrite(service)) {
            throw request.permissionDenied("service:write", service);
        }
    }
}
