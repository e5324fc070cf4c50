package io.cairn.acl.rules;

import io.cairn.acl.api.AclPolicy;
import io.cairn.acl.api.NodeIdentity;
import io.cairn.acl.api.ServiceIdentity;

/**
 * The rules Consul grants without a written policy: the built-in global-management policy and the policies it
 * synthesizes for service and node identities.
 */
public final class BuiltinRules {
    private static final PolicyRules GLOBAL_MANAGEMENT = globalManagementRules();

    private BuiltinRules() {
    }

    /** The rules of {@link AclPolicy#GLOBAL_MANAGEMENT}: write on everything, service intentions included. */
    public static PolicyRules globalManagement() {
        return GLOBAL_MANAGEMENT;
    }

    private static PolicyRules globalManagementRules() {
        try {
            return PolicyRules.parse(AclPolicy.GLOBAL_MANAGEMENT.rules(), RulesSyntax.CONSUL);
        } catch (RulesException e) {
            throw new IllegalStateException("The built-in global-management rules do not parse", e);
        }
    }

    /**
     * The rules of a service identity: write on the service and its sidecar proxy
     * ({@code <name>-sidecar-proxy}), read on every service and node.
     */
    public static PolicyRules serviceIdentity(ServiceIdentity identity) {
        String name = identity.serviceName();
        return new PolicyRules.Builder()
                .rule(Resource.SERVICE, false, name, "write")
                .rule(Resource.SERVICE, false, name + "-sidecar-proxy", "write")
                .rule(Resource.SERVICE, true, "", "read")
                .rule(Resource.NODE, true, "", "read")
                .build();
    }

    /** The rules of a node identity: write on the node, read on every service. */
    public static PolicyRules nodeIdentity(NodeIdentity identity) {
        return new PolicyRules.Builder()
                .rule(Resource.NODE, false, identity.nodeName(), "write")
                .rule(Resource.SERVICE, true, "", "read")
                .build();
    }
}
