package io.cairn.template.internal.data;

/** DNS SRV weights of a service instance (Consul's {@code api.AgentWeights}). */
public record AgentWeights(long Passing, long Warning) {
}
