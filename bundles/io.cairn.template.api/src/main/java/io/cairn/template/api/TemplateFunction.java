package io.cairn.template.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import io.cairn.template.lang.GoFunc;

/**
 * A function that templates can call, contributed by any bundle as a whiteboard service. The renderer adds
 * every registered function to the function map of the templates it parses, next to consul-template's built-in
 * functions ({@code service}, {@code key}, {@code toJSON}, ...).
 *
 * <h2>Service properties</h2>
 * <ul>
 * <li>{@value #NAME} (String, required): the name templates call the function by, e.g. {@code upperHost} for
 * {@code {{ .Address | upperHost }}}. It must be a Go identifier (a letter or {@code _}, then letters, digits or
 * {@code _}); services with another name are ignored. A built-in function of the same name takes precedence,
 * so a plugin cannot change what an existing template means.</li>
 * <li>{@code service.ranking}: among services with the same {@value #NAME}, the highest-ranked one is used.</li>
 * </ul>
 *
 * <h2>Coming and going</h2>
 * Templates are parsed against the functions present when rendering starts; a template that calls a function
 * that is not (or no longer) registered fails to parse with Go's {@code function "name" not defined} error and
 * is retried when the function set changes.
 *
 * <h2>Calling convention</h2>
 * {@link #call(List)} receives the arguments in the order Go's {@code text/template} passes them: the explicit
 * arguments first, then the piped value <em>last</em> ({@code {{ .Name | f "x" }}} calls {@code f} with
 * {@code ["x", name]}). There is no declared arity: check the argument count and types yourself and throw if
 * they are wrong.
 *
 * <p>Arguments and results use the template value model:
 * <ul>
 * <li>{@code null} (Go's {@code nil}), {@link Boolean}, {@link Long} (every integer), {@link Double} (every
 * floating-point number), {@link String};</li>
 * <li>{@link java.util.List} (Go slices) and {@link java.util.Map} with {@link String} keys (Go maps; iterated
 * in key order by {@code range});</li>
 * <li>any other object, whose fields templates read as {@code .Name} through a map key, a public method named
 * exactly {@code Name}, or a record component or public field {@code Name} (the data that consul-template's
 * functions return, such as services and key pairs, are such objects).</li>
 * </ul>
 * Treat arguments as read-only: they may be shared with other templates and later render passes.
 *
 * <h2>Errors</h2>
 * Throw an exception to fail the template: the renderer reports it as Go does, {@code error calling name: }
 * followed by the exception's message, so the message should say what was wrong with which argument and what
 * is accepted. The template is not written while it fails.
 *
 * <h2>Threading and cost</h2>
 * Functions are called on the renderer's thread, once per call site per render pass, and a template is
 * re-rendered whenever any data it uses changes. They must be pure and fast: no I/O, no blocking, no waiting on
 * other services, no state kept between calls. A function that needs external data should cache it outside the
 * call and return the cached value.
 */
@ConsumerType
public interface TemplateFunction extends GoFunc {

    /** Service property: the name templates call the function by, e.g. {@code upperHost}. */
    String NAME = "template.function";
}
