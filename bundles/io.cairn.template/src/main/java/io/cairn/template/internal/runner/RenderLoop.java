package io.cairn.template.internal.runner;

import io.cairn.template.internal.data.Dependency;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The single-threaded core of the runner: which templates need rendering when, rendering them against the
 * current data, writing changed files and running their commands. It owns no threads and no clock, so tests
 * drive it step by step with instants of their choosing.
 * <p>
 * Rendering is multi-pass as in consul-template: a pass that asked for data not fetched yet is incomplete and
 * writes nothing, but tells which dependencies to watch; when their data arrives the template renders again,
 * possibly discovering more. A change re-renders only the templates whose last pass used the changed dependency.
 */
final class RenderLoop {

    /** What one {@link #renderDue} did. */
    record Cycle(boolean changed, boolean firstAllRendered, List<String> errors) {}

    private static final class Slot {
        final TemplateSpec spec;
        final RecordingContext context;
        final Quiescence quiescence;
        TemplateCompiler.Compiled compiled;
        Set<Dependency> used = Set.of();
        boolean neverRendered = true;
        boolean dirty = true;
        boolean complete;

        Slot(TemplateSpec spec, RecordingContext context, WaitSpec wait) {
            this.spec = spec;
            this.context = context;
            this.quiescence = new Quiescence(wait);
        }
    }

    private final List<Slot> slots = new ArrayList<>();
    private final TemplateOutput output;
    private final CommandRunner commands;
    private boolean allRendered;

    /**
     * Reads and parses every template.
     *
     * @param data        the runner's current values by dependency; read during renders only
     * @param defaultWait quiescence for templates without their own
     * @param ignoreWait  render as soon as data arrives ({@code -once})
     * @throws IllegalArgumentException naming the template if one cannot be read or parsed
     */
    RenderLoop(List<TemplateSpec> specs, TemplateCompiler compiler, Map<Dependency, Object> data,
            TemplateOutput output, CommandRunner commands, WaitSpec defaultWait, boolean ignoreWait) {
        this.output = output;
        this.commands = commands;
        for (TemplateSpec spec : specs) {
            WaitSpec wait = ignoreWait ? WaitSpec.NONE : spec.quiescence() != null ? spec.quiescence() : defaultWait;
            Slot slot = new Slot(spec, new RecordingContext(data), wait);
            String text;
            try {
                text = spec.contents() != null ? spec.contents()
                        : Files.readString(spec.source(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("template " + spec.name() + ": cannot read the source ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
            try {
                slot.compiled = compiler.compile(spec, text, slot.context);
            } catch (Exception e) {
                throw new IllegalArgumentException("template " + spec.name() + ": " + e.getMessage());
            }
            slots.add(slot);
        }
    }

    /** Records new data for {@code dependency} at {@code now}: the templates that used it become due. */
    void changed(Dependency dependency, Instant now) {
        for (Slot slot : slots) {
            if (slot.used.contains(dependency)) {
                slot.dirty = true;
                slot.quiescence.changed(now);
            }
        }
    }

    /** When the next template becomes due, or {@code null} if none is waiting. */
    Instant nextDue() {
        Instant next = null;
        for (Slot slot : slots) {
            if (slot.dirty) {
                Instant due = slot.neverRendered ? Instant.MIN : slot.quiescence.due();
                if (due != null && (next == null || due.isBefore(next))) {
                    next = due;
                }
            }
        }
        return next;
    }

    /** Every dependency the templates' latest passes used. */
    Set<Dependency> wanted() {
        Set<Dependency> wanted = new LinkedHashSet<>();
        slots.forEach(slot -> wanted.addAll(slot.used));
        return wanted;
    }

    /** Whether every template has rendered completely at least once. */
    boolean allRendered() {
        return allRendered;
    }

    /** Renders the templates due at {@code now}, writes those that changed and runs their commands once each. */
    Cycle renderDue(Instant now) throws InterruptedException {
        List<String> errors = new ArrayList<>();
        List<Slot> changed = new ArrayList<>();
        for (Slot slot : slots) {
            if (!slot.dirty || !(slot.neverRendered || slot.quiescence.isDue(now))) {
                continue;
            }
            slot.dirty = false;
            slot.neverRendered = false;
            slot.quiescence.rendered();
            slot.context.begin();
            String content;
            try {
                content = slot.compiled.render();
            } catch (Exception e) {
                slot.used = slot.context.used();
                if (slot.context.complete()) {
                    errors.add("template " + slot.spec.name() + ": " + e.getMessage());
                }
                continue;
            }
            slot.used = slot.context.used();
            if (!slot.context.complete()) {
                continue;
            }
            slot.complete = true;
            try {
                if (output.write(slot.spec, content)) {
                    changed.add(slot);
                }
            } catch (IOException e) {
                errors.add("template " + slot.spec.name() + ": cannot write " + slot.spec.destination() + " ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
        }
        Set<List<String>> ran = new HashSet<>();
        for (Slot slot : changed) {
            if (!slot.spec.command().isEmpty() && ran.add(slot.spec.command())) {
                try {
                    commands.run(slot.spec.command(), slot.spec.commandTimeout());
                } catch (IOException e) {
                    errors.add("template " + slot.spec.name() + ": " + e.getMessage());
                }
            }
        }
        boolean first = !allRendered && slots.stream().allMatch(slot -> slot.complete);
        allRendered |= first;
        return new Cycle(!changed.isEmpty(), first, errors);
    }
}
