package io.cairn.event.internal;

import java.util.List;
import java.util.regex.Pattern;

import io.cairn.event.api.UserEvent;

/**
 * Whether an event is for this agent, decided as a Consul agent decides it: a newer event format is ignored; the
 * node filter must find a match in the node name; the service filter must find a match in the name or ID of one
 * of the node's instances and, with a tag filter, that same instance must have a tag the tag filter matches.
 * Filters are unanchored, like Go's {@code regexp.MatchString}.
 */
final class DeliveryFilter {

    private DeliveryFilter() {
    }

    static boolean matches(UserEvent event, String node, List<LocalService> services) {
        if (event.version() > UserEvent.VERSION) {
            return false;
        }
        try {
            Pattern nodeFilter = EventRules.compile("node", event.nodeFilter());
            if (nodeFilter != null && !nodeFilter.matcher(node).find()) {
                return false;
            }
            Pattern serviceFilter = EventRules.compile("service", event.serviceFilter());
            if (serviceFilter == null) {
                return true;
            }
            Pattern tagFilter = EventRules.compile("tag", event.tagFilter());
            for (LocalService service : services) {
                if (!serviceFilter.matcher(service.name()).find() && !serviceFilter.matcher(service.id()).find()) {
                    continue;
                }
                if (tagFilter == null || service.tags().stream().anyMatch(tag -> tagFilter.matcher(tag).find())) {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException e) {
            // Filters are checked when firing; one that still does not compile selects nobody.
            return false;
        }
    }

    /** Whether deciding about {@code event} needs the node's services. */
    static boolean needsServices(UserEvent event) {
        return !event.serviceFilter().isEmpty();
    }
}
