package io.cairn.template.internal.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Where rendered content goes: the destination files, or stdout with {@code -dry}. */
public interface TemplateOutput {

    /** Stores {@code content} for {@code spec}; returns whether it differs from what was there. */
    boolean write(TemplateSpec spec, String content) throws IOException;

    /** Writes destination files atomically ({@link AtomicWriter}). */
    static TemplateOutput files() {
        return (spec, content) -> AtomicWriter.write(spec.destination(), content.getBytes(StandardCharsets.UTF_8),
                spec.perms(), spec.backup());
    }

    /**
     * consul-template's {@code -dry}: prints {@code > <destination>} and the content to {@code out} instead of
     * writing, each time a template's content differs from what was printed for it last.
     */
    static TemplateOutput dry(PrintStream out) {
        Map<Path, String> printed = new HashMap<>();
        return (spec, content) -> {
            if (content.equals(printed.put(spec.destination(), content))) {
                return false;
            }
            out.print("> " + spec.destination() + "\n" + content);
            out.flush();
            return true;
        };
    }
}
