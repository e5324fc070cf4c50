package io.cairn.event.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.cairn.event.api.UserEvent;

/** Consul's UserEvent JSON; {@code Payload} is base64, or {@code null} when empty. */
@JsonPropertyOrder({"ID", "Name", "Payload", "NodeFilter", "ServiceFilter", "TagFilter", "Version", "LTime"})
record EventJson(
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("Payload") @JsonInclude(JsonInclude.Include.ALWAYS) byte[] payload,
        @JsonProperty("NodeFilter") String nodeFilter,
        @JsonProperty("ServiceFilter") String serviceFilter,
        @JsonProperty("TagFilter") String tagFilter,
        @JsonProperty("Version") int version,
        @JsonProperty("LTime") long lTime) {

    static EventJson of(UserEvent event) {
        return new EventJson(event.id(), event.name(), event.payload().length == 0 ? null : event.payload(),
                event.nodeFilter(), event.serviceFilter(), event.tagFilter(), event.version(), event.lTime());
    }
}
