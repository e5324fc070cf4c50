package io.cairn.template.internal.data;

import java.util.Optional;

/**
 * What the data-source functions of one template see during one render pass. The runner gives each pass a
 * context, collects the dependencies the pass asked for, and writes the output only if every one of them had a
 * value.
 */
public interface DependencyContext {

    /**
     * Records that the template uses {@code d} and returns its current value.
     *
     * @return the value decoded by {@link ApiDependency#decode} (or a file's content), or empty if there is no
     *         value yet (not fetched yet, or decoded to {@code null}); the function then returns an empty value
     *         of its usual type and the runner counts the pass as incomplete
     */
    Optional<Object> get(Dependency d);
}
