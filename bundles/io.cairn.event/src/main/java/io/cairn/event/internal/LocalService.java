package io.cairn.event.internal;

import java.util.List;

/**
 * A service instance on this agent's node, as the delivery filters see it.
 *
 * @param id   the instance ID
 * @param name the service name
 * @param tags its tags
 */
record LocalService(String id, String name, List<String> tags) {

    LocalService {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
