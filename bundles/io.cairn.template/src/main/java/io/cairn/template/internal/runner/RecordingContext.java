package io.cairn.template.internal.runner;

import io.cairn.template.internal.data.Dependency;
import io.cairn.template.internal.data.DependencyContext;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link DependencyContext} of one template: answers from the runner's data and records, per render pass,
 * which dependencies the pass used and which of them had no value (making the pass incomplete).
 */
final class RecordingContext implements DependencyContext {
    private final Map<Dependency, Object> data;
    private Set<Dependency> used = new LinkedHashSet<>();
    private Set<Dependency> missing = new HashSet<>();

    /** @param data the runner's current values; a key without a value (or with {@code null}) is missing */
    RecordingContext(Map<Dependency, Object> data) {
        this.data = data;
    }

    /** Starts a render pass. */
    void begin() {
        used = new LinkedHashSet<>();
        missing = new HashSet<>();
    }

    @Override
    public Optional<Object> get(Dependency d) {
        used.add(d);
        Object value = data.get(d);
        if (value == null) {
            missing.add(d);
        }
        return Optional.ofNullable(value);
    }

    Set<Dependency> used() {
        return used;
    }

    boolean complete() {
        return missing.isEmpty();
    }
}
