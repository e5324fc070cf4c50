package io.cairn.template.internal.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.template.internal.data.Dependency;
import io.cairn.template.internal.runner.Fakes.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RenderLoopTest {
    private static final Instant T0 = Instant.parse("2026-11-27T21:00:00Z");

    private final Map<Dependency, Object> data = new HashMap<>();
    private final Fakes.MemoryOutput output = new Fakes.MemoryOutput();
    private final Fakes.Commands commands = new Fakes.Commands();
    private final Fakes.Compiler compiler = new Fakes.Compiler();

    private RenderLoop loop(WaitSpec wait, TemplateSpec... specs) {
        return new RenderLoop(List.of(specs), compiler, data, output, commands, wait, false);
    }

    private void put(RenderLoop loop, String key, String value, Instant at) {
        data.put(new Key(key), value);
        loop.changed(new Key(key), at);
    }

    @Test
    void aPassWithUnfetchedDataWritesNothingButNamesWhatToWatchThenDiscoversMore() throws Exception {
        RenderLoop loop = loop(WaitSpec.NONE, Fakes.inline("*pointer", "out", "reload"));

        RenderLoop.Cycle first = loop.renderDue(T0);
        assertEquals(List.of(), output.writes);
        assertFalse(first.firstAllRendered());
        assertEquals(Set.of(new Key("pointer")), loop.wanted());

        put(loop, "pointer", "target", T0);
        loop.renderDue(T0);
        assertEquals(List.of(), output.writes, "the key the pointer names is not fetched yet");
        assertEquals(Set.of(new Key("pointer"), new Key("target")), loop.wanted());

        put(loop, "target", "hello", T0);
        RenderLoop.Cycle complete = loop.renderDue(T0);
        assertEquals(List.of("out=hello"), output.writes);
        assertTrue(complete.firstAllRendered());
        assertEquals(List.of("reload"), commands.ran);
    }

    @Test
    void aChangeRerendersOnlyTheTemplatesThatUseIt() throws Exception {
        data.put(new Key("a"), "1");
        data.put(new Key("b"), "2");
        RenderLoop loop = loop(WaitSpec.NONE, Fakes.inline("a", "A", null), Fakes.inline("b", "B", null));
        loop.renderDue(T0);
        assertEquals(List.of("A=1", "B=2"), output.writes);

        put(loop, "b", "3", T0);
        assertEquals(T0, loop.nextDue());
        RenderLoop.Cycle cycle = loop.renderDue(T0);
        assertEquals(List.of("A=1", "B=2", "B=3"), output.writes);
        assertEquals(List.of("A", "B", "B"), compiler.renders, "A does not use b");
        assertTrue(cycle.changed());
        assertNull(loop.nextDue(), "nothing left to render");
    }

    @Test
    void commandsRunOnlyWhenTheContentChangedAndOncePerCycleWhenTemplatesShareOne() throws Exception {
        data.put(new Key("a"), "1");
        data.put(new Key("b"), "2");
        RenderLoop loop = loop(WaitSpec.NONE, Fakes.inline("a", "A", "reload all"),
                Fakes.inline("a b", "B", "reload all"));
        loop.renderDue(T0);
        assertEquals(List.of("reload all"), commands.ran);

        put(loop, "a", "1", T0);
        RenderLoop.Cycle same = loop.renderDue(T0);
        assertFalse(same.changed());
        assertEquals(List.of("reload all"), commands.ran, "same content: no command");

        put(loop, "a", "9", T0);
        loop.renderDue(T0);
        assertEquals(List.of("reload all", "reload all"), commands.ran);
    }

    @Test
    void waitRendersAfterMinQuietButNoLaterThanMaxAfterTheFirstChange() throws Exception {
        data.put(new Key("a"), "0");
        RenderLoop loop = loop(new WaitSpec(Duration.ofSeconds(2), Duration.ofSeconds(5)),
                Fakes.inline("a", "A", null));
        loop.renderDue(T0);
        assertEquals(List.of("A=0"), output.writes, "the first pass does not wait");

        put(loop, "a", "1", T0.plusSeconds(10));
        assertEquals(T0.plusSeconds(12), loop.nextDue());
        loop.renderDue(T0.plusSeconds(11));
        assertEquals(1, output.writes.size(), "not quiet for 2 s yet");

        put(loop, "a", "2", T0.plusSeconds(11));
        put(loop, "a", "3", T0.plusSeconds(13));
        assertEquals(T0.plusSeconds(15), loop.nextDue(), "max caps the wait at 5 s after the first change");
        put(loop, "a", "4", T0.plusSeconds(14));
        assertEquals(T0.plusSeconds(15), loop.nextDue());
        loop.renderDue(T0.plusSeconds(15));
        assertEquals(List.of("A=0", "A=4"), output.writes, "one render for the burst, with its last value");
    }

    @Test
    void perTemplateWaitOverridesTheDefault() throws Exception {
        data.put(new Key("a"), "0");
        TemplateSpec slow = new TemplateSpec(null, "a", java.nio.file.Path.of("A"), List.of(),
                TemplateSpec.DEFAULT_COMMAND_TIMEOUT, null, false, "{{", "}}", WaitSpec.parse("30s"));
        RenderLoop loop = loop(WaitSpec.NONE, slow, Fakes.inline("a", "B", null));
        loop.renderDue(T0);
        put(loop, "a", "1", T0);
        loop.renderDue(T0);
        assertEquals(List.of("A=0", "B=0", "B=1"), output.writes);
        assertEquals(T0.plusSeconds(30), loop.nextDue());
    }

    @Test
    void aFailingRenderWithAllDataIsAnErrorButWithMissingDataOnlyIncomplete() throws Exception {
        RenderLoop loop = loop(WaitSpec.NONE, Fakes.inline("a !", "A", null));
        assertEquals(List.of(), loop.renderDue(T0).errors(), "a is missing: incomplete, not an error");
        put(loop, "a", "1", T0);
        List<String> errors = loop.renderDue(T0).errors();
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("template (inline) A: boom"), errors.get(0));
        assertEquals(List.of(), output.writes);
    }

    @Test
    void anUnreadableSourceIsReportedWithItsName() {
        TemplateSpec missing = TemplateSpec.of(java.nio.file.Path.of("/nonexistent/in.tpl"),
                java.nio.file.Path.of("out"), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loop(WaitSpec.NONE, missing));
        assertTrue(e.getMessage().startsWith("template /nonexistent/in.tpl: cannot read the source"), e.getMessage());
    }

    @Test
    void onceIgnoresWait() throws Exception {
        RenderLoop loop = new RenderLoop(List.of(Fakes.inline("a", "A", null)), compiler, data, output,
                commands, WaitSpec.parse("1m"), true);
        loop.renderDue(T0);
        put(loop, "a", "1", T0);
        assertEquals(T0, loop.nextDue());
    }
}
