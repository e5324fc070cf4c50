package io.cairn.template.lang;

import io.cairn.template.lang.internal.Exec;
import io.cairn.template.lang.internal.ParseError;
import io.cairn.template.lang.internal.Parser;
import io.cairn.template.lang.internal.TemplateFailure;
import io.cairn.template.lang.internal.TemplateSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A template written in Go's text/template language, and the set of templates associated with it (Go's
 * {@code New}/{@code Parse}/{@code Lookup} model): {@code {{define}}} and {@code {{block}}} add templates to the
 * set, {@link #newTemplate} adds one by name, and {@code {{template "name" .}}} runs any member of the set.
 *
 * <h2>Value model</h2>
 * Data and function results are plain Java values playing Go's types:
 * <ul>
 * <li>nil is {@code null}; a missing map key is also {@code null}. An action that prints {@code null} writes
 * {@code <no value>} (Go's output for a missing key), while {@code print}/{@code printf} show {@code <nil>}.</li>
 * <li>bool is {@link Boolean}; string is {@link String} (any {@link CharSequence} or {@link Character}).</li>
 * <li>Go's {@code int} is {@link Long}; {@link Integer}, {@link Short}, {@link Byte} and
 * {@link java.math.BigInteger} are accepted as other integer types, and compare with each other as Go compares
 * mixed integer kinds. Integer constants in templates ({@code 42}, {@code 0x1F}, {@code 1_000}, {@code 'a'})
 * evaluate to {@link Long}.</li>
 * <li>float64 is {@link Double} ({@link Float} is float32, {@link java.math.BigDecimal} is read as a double);
 * constants written with a point or exponent evaluate to {@link Double}.</li>
 * <li>slices are {@link java.util.List}s, other {@link Iterable}s or arrays.</li>
 * <li>maps are {@link java.util.Map}s; {@code range} and {@code %v} visit them in Go's sorted key order.</li>
 * <li>structs are any other object. A field {@code .Name} resolves, in order, to the map key {@code "Name"} (for
 * maps), a public instance method named exactly {@code Name} (called with the template's arguments converted to
 * its parameter types, so {@code .Tags.Contains "x"} calls {@code Contains(String)}; this covers record
 * components named {@code Name}; a {@code void} method yields {@code ""}), and finally a public field named
 * {@code Name}. Methods of JDK classes are never offered, so {@code .size} on a map is always a key. A record
 * prints like a Go struct ({@code {a 1}}, with {@code %+v} {@code {Name:a Port:1}}); other objects print with
 * {@code toString()}, as Go prints a Stringer.</li>
 * <li>functions are {@link GoFunc}s, callable by name from the function map or through {@code call}.</li>
 * </ul>
 *
 * <p>Parsing is not thread-safe against executions of the same set; once parsed, a template may be executed by
 * many threads at once.
 */
public final class Template {
    private final String name;
    private final TemplateSet set;
    private volatile String leftDelim;
    private volatile String rightDelim;

    private Template(String name, TemplateSet set, String leftDelim, String rightDelim) {
        this.name = Objects.requireNonNull(name, "name");
        this.set = set;
        this.leftDelim = leftDelim;
        this.rightDelim = rightDelim;
    }

    /** Go's {@code template.New(name)}: an empty template in a new set; add functions, then {@link #parse(String)}. */
    public static Template create(String name) {
        return new Template(name, new TemplateSet(), "{{", "}}");
    }

    /**
     * Parses {@code text} as template {@code name} with the given functions and the default delimiters.
     *
     * @param funcs functions callable by name, may be null; a name used in the text that is neither here nor a
     *     built-in is a parse error ({@code function "x" not defined}), as in Go
     * @throws TemplateException on a syntax error
     */
    public static Template parse(String name, String text, Map<String, GoFunc> funcs) throws TemplateException {
        return parse(name, text, funcs, "{{", "}}");
    }

    /** As {@link #parse(String, String, Map)} with custom action delimiters (empty or null means the default). */
    public static Template parse(String name, String text, Map<String, GoFunc> funcs, String leftDelim,
            String rightDelim) throws TemplateException {
        return create(name).funcs(funcs).delims(leftDelim, rightDelim).parse(text);
    }

    /** Adds functions to the set (Go's {@code Funcs}); they must be added before the text that uses them. */
    public Template funcs(Map<String, GoFunc> funcs) {
        if (funcs != null) {
            set.funcs().putAll(funcs);
        }
        return this;
    }

    /** Sets the action delimiters for later {@link #parse(String)} calls; null or empty restores the default. */
    public Template delims(String left, String right) {
        this.leftDelim = left == null || left.isEmpty() ? "{{" : left;
        this.rightDelim = right == null || right.isEmpty() ? "}}" : right;
        return this;
    }

    /**
     * Go's {@code Option}: {@code missingkey=default}, {@code missingkey=invalid} and {@code missingkey=zero}
     * (all print {@code <no value>} for a missing map key, since Java maps carry no element type) or
     * {@code missingkey=error} (a missing key stops execution with {@code map has no entry for key "K"}).
     *
     * @throws IllegalArgumentException for any other option
     */
    public Template option(String... options) {
        for (String opt : options) {
            switch (opt) {
                case "missingkey=default", "missingkey=invalid", "missingkey=zero" -> set.missingKeyError(false);
                case "missingkey=error" -> set.missingKeyError(true);
                default -> throw new IllegalArgumentException("unrecognized option: " + opt);
            }
        }
        return this;
    }

    /**
     * Go's {@code Parse}: parses {@code text} as the body of this template; its {@code define}s and
     * {@code block}s join the set, replacing earlier definitions of the same name (a body of only whitespace
     * never replaces one).
     *
     * @return this template
     * @throws TemplateException on a syntax error, named after this template
     */
    public Template parse(String text) throws TemplateException {
        try {
            set.addAll(Parser.parse(name, text, leftDelim, rightDelim, set::hasFunction));
        } catch (ParseError e) {
            throw new TemplateException(e.getMessage(), e.templateName(), e.line(), e.column(), null);
        }
        return this;
    }

    /** Go's {@code t.New(name)}: a new, empty template in the same set, with the same delimiters. */
    public Template newTemplate(String templateName) {
        return new Template(templateName, set, leftDelim, rightDelim);
    }

    /** The template of that name in this set, or null if none is defined. */
    public Template lookup(String templateName) {
        return set.tree(templateName) == null ? null : new Template(templateName, set, leftDelim, rightDelim);
    }

    /** This template's name. */
    public String name() {
        return name;
    }

    /** Names of all templates defined in the set, sorted. */
    public Set<String> templateNames() {
        return set.names();
    }

    /** Executes this template with {@code data} as dot and returns the output. */
    public String execute(Object data) throws TemplateException {
        StringBuilder out = new StringBuilder();
        execute(data, out);
        return out.toString();
    }

    /** Executes this template, writing to {@code out}; output written before an error stays written. */
    public void execute(Object data, Appendable out) throws TemplateException {
        run(name, data, out);
    }

    /** Go's {@code ExecuteTemplate}: executes the named template of this set. */
    public String executeTemplate(String templateName, Object data) throws TemplateException {
        StringBuilder out = new StringBuilder();
        executeTemplate(templateName, data, out);
        return out.toString();
    }

    /** Go's {@code ExecuteTemplate}, writing to {@code out}. */
    public void executeTemplate(String templateName, Object data, Appendable out) throws TemplateException {
        if (set.tree(templateName) == null) {
            throw new TemplateException("template: no template \"" + templateName + "\" associated with template \""
                    + name + "\"", name, 0, -1, null);
        }
        run(templateName, data, out);
    }

    private void run(String templateName, Object data, Appendable out) throws TemplateException {
        try {
            Exec.execute(set, templateName, data, out);
        } catch (TemplateFailure e) {
            throw new TemplateException(e.getMessage(), e.templateName(), e.line(), e.column(), e.getCause());
        }
    }
}
