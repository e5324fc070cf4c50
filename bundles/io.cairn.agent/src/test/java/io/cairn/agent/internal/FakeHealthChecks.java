package io.cairn.agent.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckState;
import io.cairn.health.api.CheckStatus;
import io.cairn.health.api.HealthChecks;

/** An engine that knows the types {@code ttl} and {@code http} and runs nothing. */
final class FakeHealthChecks implements HealthChecks {
    final Map<String, CheckState> checks = new TreeMap<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public CheckState register(CheckDefinition definition) {
        calls.add("register " + definition.id());
        String type = !definition.ttl().isZero() ? "ttl" : !definition.http().isEmpty() ? "http" : null;
        if (type == null) {
            throw new IllegalArgumentException("Invalid check: no installed check type accepts it; known: http, ttl");
        }
        CheckState old = checks.get(definition.id());
        CheckStatus status = definition.status() != null ? definition.status()
                : old != null ? old.status() : CheckStatus.CRITICAL;
        CheckState state = new CheckState(definition, type, status, old == null ? "" : old.output());
        checks.put(definition.id(), state);
        return state;
    }

    @Override
    public boolean deregister(String checkId) {
        calls.add("deregister " + checkId);
        return checks.remove(checkId) != null;
    }

    @Override
    public CheckState updateTtl(String checkId, CheckStatus status, String output) {
        CheckState old = checks.get(checkId);
        if (old == null) {
            throw new NoSuchElementException("Unknown check ID \"" + checkId + "\" (engine)");
        }
        CheckState state = new CheckState(old.definition(), old.type(), status, output);
        checks.put(checkId, state);
        return state;
    }

    @Override
    public Optional<CheckState> state(String checkId) {
        return Optional.ofNullable(checks.get(checkId));
    }

    @Override
    public List<CheckState> states() {
        return List.copyOf(checks.values());
    }

    @Override
    public Map<String, List<String>> types() {
        return Map.of("http", List.of("HTTP"), "ttl", List.of("TTL"));
    }
}
