/**
 * Go's text formats, the way Consul and its tools write them, so that Cairn's output and error texts read
 * byte-for-byte like theirs and its input is accepted exactly where Go accepts it:
 * <ul>
 * <li>{@link io.cairn.go.lang.GoDuration}: {@code time.ParseDuration} and {@code Duration.String};</li>
 * <li>{@link io.cairn.go.lang.GoQuote}: {@code strconv.Quote}, the {@code %q} of error messages, and its ASCII and
 * rune forms, and back: {@code strconv.Unquote} and {@code UnquoteChar};</li>
 * <li>{@link io.cairn.go.lang.GoStrconv}: {@code strconv.ParseInt}, {@code ParseUint}, {@code ParseFloat} and
 * {@code ParseBool}, failing with Go's error text as a {@link io.cairn.go.lang.GoNumberException};</li>
 * <li>{@link io.cairn.go.lang.GoJsonString}: a string as {@code encoding/json} encodes it;</li>
 * <li>{@link io.cairn.go.lang.GoUrl}: a URL path as {@code net/url} escapes it.</li>
 * </ul>
 * Plain Java with no dependencies; every bundle that speaks one of these formats calls this package instead of
 * writing its own. The expected values in its corpus test are Go's.
 *
 * <p>Known difference from Go: a Java string cannot hold invalid UTF-8, so Go's handling of invalid bytes is
 * reproduced for what a Java string can hold instead, an unpaired surrogate (quoted as the bytes Go would see,
 * JSON-escaped as <code>&#92;ufffd</code>).
 */
@Export
@Version("1.2.0")
package io.cairn.go.lang;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
