package io.cairn.template.internal.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateSpecTest {

    @Test
    void sourceAndDestination() {
        TemplateSpec spec = TemplateSpec.parseFlag("nginx.tpl:/etc/nginx/nginx.cfg");
        assertEquals(Path.of("nginx.tpl"), spec.source());
        assertEquals(Path.of("/etc/nginx/nginx.cfg"), spec.destination());
        assertEquals(List.of(), spec.command());
        assertEquals("{{", spec.leftDelimiter());
        assertEquals(Duration.ofSeconds(30), spec.commandTimeout());
    }

    @Test
    void theCommandIsEverythingAfterTheSecondColonAndRunsThroughTheShell() {
        TemplateSpec spec = TemplateSpec.parseFlag("in.tpl:out.cfg:curl -s http://localhost:8080/reload && echo ok");
        assertEquals(List.of("/bin/sh", "-c", "curl -s http://localhost:8080/reload && echo ok"), spec.command());
    }

    @Test
    void missingPartsAreRejectedSayingWhatIsExpected() {
        for (String bad : List.of("in.tpl", "in.tpl:", ":out", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TemplateSpec.parseFlag(bad));
            assertEquals("invalid -template \"" + bad + "\": expected source:destination or source:destination:command",
                    e.getMessage());
        }
    }

    @Test
    void anEmptyCommandMeansNone() {
        assertEquals(List.of(), TemplateSpec.parseFlag("a:b:").command());
    }

    @Test
    void waitParsesMinMaxAndDefaultsMaxToFourTimesMin() {
        assertEquals(new WaitSpec(Duration.ofSeconds(5), Duration.ofSeconds(10)), WaitSpec.parse("5s:10s"));
        assertEquals(new WaitSpec(Duration.ofMillis(500), Duration.ofSeconds(2)), WaitSpec.parse("500ms"));
        assertThrows(IllegalArgumentException.class, () -> WaitSpec.parse("10s:5s"));
    }
}
