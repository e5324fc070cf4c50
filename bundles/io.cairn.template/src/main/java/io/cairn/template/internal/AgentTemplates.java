package io.cairn.template.internal;

import io.cairn.template.internal.runner.Runner;
import io.cairn.template.internal.runner.RunnerLog;
import io.cairn.template.internal.runner.TemplateSpec;
import io.cairn.template.lang.GoFunc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The templates rendered inside the agent: those of the config dirs and those of factory configurations, all in
 * one runner so that they share their queries. Any change (templates, plugin functions) replaces the runner; the
 * new one rewrites a file (and runs its command) only if its content differs from what is on disk.
 */
final class AgentTemplates {

    /** Builds a runner for templates and plugin functions (the component supplies the agent's address). */
    interface RunnerFactory {
        Runner create(List<TemplateSpec> templates, Map<String, GoFunc> functions);
    }

    private final RunnerFactory factory;
    private final RunnerLog log;
    private List<TemplateSpec> configDirTemplates = List.of();
    private final Map<String, TemplateSpec> configuredTemplates = new LinkedHashMap<>();
    private Map<String, GoFunc> functions = Map.of();
    private Runner runner;
    private boolean closed;

    AgentTemplates(RunnerFactory factory, RunnerLog log) {
        this.factory = factory;
        this.log = log;
    }

    synchronized void configDirTemplates(List<TemplateSpec> templates) throws InterruptedException {
        configDirTemplates = List.copyOf(templates);
        restart();
    }

    synchronized void putConfigured(String id, TemplateSpec template) throws InterruptedException {
        configuredTemplates.put(id, template);
        restart();
    }

    synchronized void removeConfigured(String id) throws InterruptedException {
        if (configuredTemplates.remove(id) != null) {
            restart();
        }
    }

    synchronized void functions(Map<String, GoFunc> newFunctions) throws InterruptedException {
        functions = Map.copyOf(newFunctions);
        restart();
    }

    /** The templates the current runner renders. */
    synchronized List<TemplateSpec> templates() {
        List<TemplateSpec> all = new ArrayList<>(configDirTemplates);
        all.addAll(configuredTemplates.values());
        return all;
    }

    synchronized void close() throws InterruptedException {
        closed = true;
        stopRunner();
    }

    private void restart() throws InterruptedException {
        stopRunner();
        List<TemplateSpec> all = templates();
        if (closed || all.isEmpty()) {
            return;
        }
        try {
            runner = factory.create(all, functions);
            runner.start();
        } catch (IllegalArgumentException e) {
            // A template that cannot be read or parsed (perhaps it calls a plugin function not registered yet) stops
            // none of the agent; the next change of templates or functions tries again.
            log.warn("templates not rendered: " + e.getMessage());
        }
    }

    private void stopRunner() throws InterruptedException {
        if (runner != null) {
            runner.stop();
            runner = null;
        }
    }
}
