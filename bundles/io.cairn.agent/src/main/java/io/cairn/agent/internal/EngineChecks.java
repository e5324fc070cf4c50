package io.cairn.agent.internal;

import io.cairn.health.api.CheckState;

/** What the health-check engine reports about a check, applied to the agent's record of it. */
final class EngineChecks {

    private EngineChecks() {
    }

    /** {@code check} with the engine's view of its type, status and output. */
    static LocalCheck withState(LocalCheck check, CheckState state) {
        return check.withState(state.type(), state.status(), state.output());
    }
}
