/**
 * Go's {@code encoding/json} decoding rules for Jackson, as Consul applies them to request bodies: field names
 * matched case-insensitively, unknown fields ignored, scalars never coerced (no {@code "80"} for an int, no
 * {@code 1} for a bool, no number for a string, no {@code 1.5} for an int), and Go's error texts
 * ({@code EOF}, {@code unexpected EOF}, {@code json: cannot unmarshal string into Go struct field Service.Port of
 * type int}) instead of Jackson's, which name Java types. Entry points: {@link io.cairn.json.lang.GoJson#newMapper()}
 * and {@link io.cairn.json.lang.GoJson#decode}.
 *
 * <p>Known differences from Go: bodies that are not strictly UTF-8 are refused (Go replaces bad bytes with
 * U+FFFD, which would let two different byte strings name the same key); syntax errors keep Jackson's description
 * (without its source location) rather than Go's {@code invalid character ...} wording; Go type names in messages
 * are derived from the Java types ({@code long} is reported as {@code uint64}, a Java class {@code Foo} as
 * {@code structs.Foo}).
 */
@Export
@Version("1.1.0")
package io.cairn.json.lang;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
