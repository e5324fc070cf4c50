package io.cairn.agent.internal;

import io.cairn.agent.definitions.CheckDefinition;
import io.cairn.health.api.CheckState;

/** Translation between the agent's check definitions and the health-check engine's. */
final class EngineChecks {

    private EngineChecks() {
    }

    /** The engine's form of a definition: its fields carry Consul's API names, which the engine decodes. */
    static io.cairn.health.api.CheckDefinition toEngine(CheckDefinition definition) {
        return io.cairn.health.api.CheckDefinition.fromMap(definition.fields());
    }

    /** {@code check} with the engine's view of its type, status and output. */
    static LocalCheck withState(LocalCheck check, CheckState state) {
        return check.withState(state.type(), state.status(), state.output());
    }
}
