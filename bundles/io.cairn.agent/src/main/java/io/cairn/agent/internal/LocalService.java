package io.cairn.agent.internal;

import java.util.List;

import io.cairn.agent.definitions.ServiceDefinition;

/**
 * A service instance of this agent.
 *
 * @param definition the service as defined (its checks are kept separately, as {@link LocalCheck}s)
 * @param origin     where it came from
 * @param token      the ACL secret it was registered with, which syncs it to the catalog; {@code ""} for none (the
 *                   agent's token syncs it)
 */
record LocalService(ServiceDefinition definition, Origin origin, String token) {

    String id() {
        return definition.id();
    }

    /** The same service with other tags (the catalog's, for a service with {@code EnableTagOverride}). */
    LocalService withTags(List<String> tags) {
        ServiceDefinition d = definition;
        return new LocalService(new ServiceDefinition(d.kind(), d.id(), d.name(), tags, d.address(),
                d.taggedAddresses(), d.meta(), d.port(), d.socketPath(), d.enableTagOverride(), d.weights(),
                d.checks()), origin, token);
    }
}
