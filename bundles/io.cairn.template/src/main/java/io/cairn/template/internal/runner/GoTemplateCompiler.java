package io.cairn.template.internal.runner;

import io.cairn.template.internal.data.DependencyContext;
import io.cairn.template.internal.functions.DataFunctions;
import io.cairn.template.internal.functions.HelperFunctions;
import io.cairn.template.lang.GoFunc;
import io.cairn.template.lang.Template;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Compiles consul-template templates: Go's text/template with consul-template's data and helper functions, plus
 * plugin functions. A name defined by both a plugin and consul-template means consul-template's function, so a
 * plugin cannot change what an existing template means.
 * <p>
 * Functions are bound when a template is parsed, but the helpers ({@code scratch}) and the data functions must be
 * fresh for each render pass; so the parsed template holds stand-ins that call the current pass's functions.
 */
public final class GoTemplateCompiler implements TemplateCompiler {
    private final Map<String, GoFunc> plugins;
    private final Map<String, String> environment;

    /**
     * @param plugins     extra functions by name
     * @param environment what {@code env} and friends read
     */
    public GoTemplateCompiler(Map<String, GoFunc> plugins, Map<String, String> environment) {
        this.plugins = Map.copyOf(plugins);
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Compiled compile(TemplateSpec spec, String text, DependencyContext context) throws Exception {
        AtomicReference<Map<String, GoFunc>> pass = new AtomicReference<>(builtins(context));
        Map<String, GoFunc> functions = new HashMap<>(plugins);
        for (String name : pass.get().keySet()) {
            functions.put(name, args -> pass.get().get(name).call(args));
        }
        Template template = Template.parse(spec.name(), text, functions, spec.leftDelimiter(), spec.rightDelimiter());
        return () -> {
            pass.set(builtins(context));
            return template.execute(null);
        };
    }

    /** consul-template's functions for one render pass. */
    private Map<String, GoFunc> builtins(DependencyContext context) {
        Map<String, GoFunc> functions = new HashMap<>(HelperFunctions.all());
        functions.putAll(DataFunctions.all(context, environment));
        return functions;
    }
}
