package io.cairn.template.lang.internal;

import io.cairn.template.lang.GoFunc;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared state of associated templates (Go's "common"): the trees by name, the function map, delimiters and
 * the missing-key option. Trees are replaced whole, so executions running meanwhile see a consistent tree.
 */
public final class TemplateSet {
    private final Map<String, Tree> trees = new ConcurrentHashMap<>();
    private final Map<String, GoFunc> funcs = new ConcurrentHashMap<>();
    private volatile boolean missingKeyError;

    public Map<String, GoFunc> funcs() {
        return funcs;
    }

    public boolean hasFunction(String name) {
        return funcs.containsKey(name) || Builtins.NAMES.contains(name);
    }

    public Tree tree(String name) {
        return trees.get(name);
    }

    public boolean missingKeyError() {
        return missingKeyError;
    }

    public void missingKeyError(boolean value) {
        missingKeyError = value;
    }

    /** Adds parsed trees; an empty tree never replaces a non-empty one of the same name (as Go's associate). */
    public synchronized void addAll(Map<String, Tree> parsed) {
        parsed.forEach((name, tree) -> {
            Tree old = trees.get(name);
            if (old != null && tree.isEmpty() && !old.isEmpty()) {
                return;
            }
            trees.put(name, tree);
        });
    }

    /** Names of all defined templates, sorted. */
    public java.util.Set<String> names() {
        return new TreeMap<>(trees).keySet();
    }
}
