package io.cairn.agent.internal;

import io.cairn.agent.definitions.ServiceDefinition;

/**
 * A service instance of this agent.
 *
 * @param definition the service as defined (its checks are kept separately, as {@link LocalCheck}s)
 * @param origin     where it came from
 */
record LocalService(ServiceDefinition definition, Origin origin) {

    String id() {
        return definition.id();
    }
}
