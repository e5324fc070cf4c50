package io.cairn.event.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.cairn.event.api.UserEvent;
import io.cairn.event.api.UserEvents;

/** What makes an event acceptable, with the messages Consul gives (the size limit is Serf's). */
final class EventRules {

    private EventRules() {
    }

    /** Throws {@link IllegalArgumentException} saying what is wrong with {@code event}. */
    static void validate(UserEvent event) {
        if (event.name().isEmpty()) {
            throw new IllegalArgumentException("User event missing name");
        }
        if (!event.tagFilter().isEmpty() && event.serviceFilter().isEmpty()) {
            throw new IllegalArgumentException("Cannot provide tag filter without service filter");
        }
        compile("node", event.nodeFilter());
        compile("service", event.serviceFilter());
        compile("tag", event.tagFilter());
        int size = size(event);
        if (size > UserEvents.SIZE_LIMIT) {
            throw new IllegalArgumentException(tooLarge(size));
        }
        UserEvent.idToIndex(event.id());
    }

    /** The bytes that count towards {@link UserEvents#SIZE_LIMIT}: the name and the payload. */
    static int size(UserEvent event) {
        return size(event.name(), event.payload());
    }

    static int size(String name, byte[] payload) {
        return name.getBytes(StandardCharsets.UTF_8).length + payload.length;
    }

    static String tooLarge(int size) {
        return "User event exceeds the limit of " + UserEvents.SIZE_LIMIT + " bytes for name and payload together"
                + " (got " + size + " bytes)";
    }

    /** A filter as Go's regexp package would use it; {@code null} for an empty filter (matches everything). */
    static Pattern compile(String what, String filter) {
        if (filter.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(filter);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Invalid " + what + " filter: " + e.getDescription() + " in "
                    + filter);
        }
    }
}
