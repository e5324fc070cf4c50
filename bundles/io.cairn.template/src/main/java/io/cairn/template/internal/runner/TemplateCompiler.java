package io.cairn.template.internal.runner;

import io.cairn.template.internal.data.DependencyContext;

/** Turns template text into something that renders against a {@link DependencyContext}. */
public interface TemplateCompiler {

    /** A parsed template whose data functions read from the context it was compiled with. */
    interface Compiled {
        /** Renders once; throws with a message naming template, line and column on a template error. */
        String render() throws Exception;
    }

    /** Parses {@code text} of {@code spec}; throws with a message naming the problem's position. */
    Compiled compile(TemplateSpec spec, String text, DependencyContext context) throws Exception;
}
