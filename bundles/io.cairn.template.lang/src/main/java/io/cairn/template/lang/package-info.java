/**
 * Go's {@code text/template} language for Java: parse templates written in Go's syntax and execute them against
 * Java values, producing Go's output and Go's error messages. Entry point: {@link io.cairn.template.lang.Template};
 * functions are {@link io.cairn.template.lang.GoFunc}s; the value model is described on {@code Template}.
 *
 * <p>The language follows current Go: {@code break}/{@code continue}, {@code range} over an integer,
 * {@code else with}, short-circuiting {@code and}/{@code or}, and the {@code fmt} verbs of {@code print},
 * {@code printf} and {@code println}. Known differences:
 * <ul>
 * <li>Strings are Java strings, so bytes that are not UTF-8 (from {@code "\xff"} escapes, or {@code slice} cutting
 * a multi-byte character) become U+FFFD; lengths and indexes still count UTF-8 bytes as Go does.</li>
 * <li>Imaginary and complex number literals are rejected ({@code bad number syntax}).</li>
 * <li>{@code len} of a missing map key reports {@code len of nil pointer}, where Go leaks an internal reflection
 * message.</li>
 * <li>Java maps carry no key or element type: a missing key always prints {@code <no value>} (so
 * {@code missingkey=zero} behaves like the default), and {@code index} checks a key against the type of the map's
 * existing keys.</li>
 * <li>Parse errors carry a column ({@link io.cairn.template.lang.TemplateException#column()}); Go's message, which
 * ours matches, names only the line.</li>
 * </ul>
 */
@Export
@Version("1.0.0")
package io.cairn.template.lang;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
