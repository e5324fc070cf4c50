package io.cairn.agent.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The body of {@code GET /v1/agent/version}: Consul's fields for the release this agent claims to be, with its
 * revision also under Cairn's name {@code Revision}. {@code FIPS} is empty: Cairn has no FIPS build.
 */
@JsonPropertyOrder({"SHA", "BuildDate", "HumanVersion", "FIPS", "Revision"})
record AgentVersion(
        @JsonProperty("SHA") String sha,
        @JsonProperty("BuildDate") String buildDate,
        @JsonProperty("HumanVersion") String humanVersion,
        @JsonProperty("FIPS") String fips,
        @JsonProperty("Revision") String revision) {

    static final AgentVersion CURRENT = new AgentVersion(ConsulVersion.REVISION, ConsulVersion.BUILD_DATE,
            ConsulVersion.VERSION, "", ConsulVersion.REVISION);
}
