package io.cairn.template.internal.runner;

import io.cairn.template.internal.data.ApiDependency;
import io.cairn.template.internal.data.DependencyContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small stand-ins for the data functions, the template language, the file system and commands. */
final class Fakes {
    private Fakes() {}

    /** A KV-like dependency whose value is the body as text; status 404 decodes to "not there yet". */
    record Key(String name) implements ApiDependency {
        @Override
        public String describe() {
            return "kv.block(" + name + ")";
        }

        @Override
        public String path() {
            return "/v1/kv/" + name + "?raw=";
        }

        @Override
        public Object decode(int status, byte[] body) {
            return status == 404 ? null : new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * A tiny template language: the text is tokens separated by spaces; {@code k} outputs the value of key k,
     * {@code *k} outputs the value of the key whose name is the value of key k (so data discovers more data, as
     * {@code range service} + {@code key} does); {@code !} fails the render.
     */
    static final class Compiler implements TemplateCompiler {
        /** The destination of every render, in order. */
        final List<String> renders = new ArrayList<>();

        @Override
        public Compiled compile(TemplateSpec spec, String text, DependencyContext context) {
            return () -> {
                renders.add(spec.destination().toString());
                return render(text, context);
            };
        }
    }

    private static String render(String text, DependencyContext context) {
        StringBuilder out = new StringBuilder();
        for (String token : text.trim().split("\\s+")) {
            if (token.equals("!")) {
                throw new IllegalStateException("boom at " + text);
            }
            if (token.startsWith("*")) {
                context.get(new Key(token.substring(1))).ifPresent(name ->
                        out.append(context.get(new Key((String) name)).orElse("")));
            } else {
                out.append(context.get(new Key(token)).orElse(""));
            }
        }
        return out.toString();
    }

    static TemplateSpec inline(String text, String destination, String command) {
        return new TemplateSpec(null, text, Path.of(destination), TemplateSpec.shell(command),
                TemplateSpec.DEFAULT_COMMAND_TIMEOUT, null, false, "{{", "}}", null);
    }

    /** Keeps written content in memory; reports a change only when the content differs. */
    static final class MemoryOutput implements TemplateOutput {
        final Map<Path, String> files = new LinkedHashMap<>();
        final List<String> writes = new ArrayList<>();

        @Override
        public boolean write(TemplateSpec spec, String content) {
            if (content.equals(files.put(spec.destination(), content))) {
                return false;
            }
            writes.add(spec.destination() + "=" + content);
            return true;
        }
    }

    /** Records the commands it was asked to run. */
    static final class Commands implements CommandRunner {
        final List<String> ran = new ArrayList<>();

        @Override
        public void run(List<String> argv, Duration timeout) {
            ran.add(argv.get(argv.size() - 1));
        }
    }
}
