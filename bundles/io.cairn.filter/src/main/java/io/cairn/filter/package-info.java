/**
 * Consul's {@code ?filter=} expression language (HashiCorp go-bexpr, in the version that validates against the
 * Go type of the filtered data): {@link io.cairn.filter.Filter#parse} parses and validates an expression against a
 * {@link io.cairn.filter.Shape} (the endpoint shapes are in {@link io.cairn.filter.ConsulShapes}), and
 * {@link io.cairn.filter.Filter#matches} evaluates it over one element's JSON. Plain Java; Jackson for the JSON.
 *
 * <p>Semantics follow go-bexpr: selectors are case-sensitive; a selector through a list applies to any element;
 * a missing map key makes {@code ==}, {@code in}, {@code is not empty} and {@code matches} false and every other
 * operator true (go-bexpr's not-present disposition); strings take {@code == != in contains matches}, numbers and bools only
 * {@code == !=}, lists of scalars and maps {@code in contains is empty}, lists of structs only {@code is empty}.
 * Regular expressions are Go's RE2 syntax, translated by {@code GoRegex}.
 *
 * <p>Error texts ({@link io.cairn.filter.FilterException#getMessage()}), all prefixed with Consul's
 * {@code Failed to create boolean expression evaluator: }. Confirmed from go-bexpr's source: {@code Selector "a.b"
 * is not valid}, {@code Invalid match operator "Matches" for selector "Port"}, {@code Failed to coerce value "abc"
 * for selector "Port": strconv.ParseInt: parsing "abc": invalid syntax}, {@code Failed to compile regular
 * expression "(": error parsing regexp: ...}, the parser's own messages ({@code Invalid number literal},
 * {@code Unterminated string literal}, {@code Unmatched parentheses}, {@code Invalid selector},
 * {@code Invalid index}, {@code Unclosed index expression}) and the {@code line:col (offset): no match found,
 * expected: ...} form (one Consul report confirms it). Best effort: the exact list of expected tokens and the
 * {@code rule <name>:} part, which follow pigeon's algorithm as reimplemented here, and Go's regexp error details
 * beyond the common cases. Known differences: {@code \xNN} and octal escapes above 0x7F yield that code point, not
 * a raw byte; Consul releases on go-bexpr 0.1.3+ report unknown selectors only when evaluating.
 */
@Export
@Version("1.0.0")
package io.cairn.filter;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
