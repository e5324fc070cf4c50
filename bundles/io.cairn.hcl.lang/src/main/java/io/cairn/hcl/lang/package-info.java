/**
 * HCL 1, the configuration syntax of Consul's {@code .hcl} agent configuration files and of its ACL rules, read
 * the way hashicorp/hcl v1 (v1.0.0) reads it: its grammar (<code>key = value</code>, blocks with labels, lists with
 * trailing commas, objects, strings with its escapes and <code>${...}</code> kept verbatim, heredocs, decimal, hex
 * and octal numbers, {@code #}, {@code //} and {@code /* *}{@code /} comments), its decoding into a generic
 * {@code map[string]interface{}} and its error texts with positions ({@code At 3:7: ...}). Entry point:
 * {@link io.cairn.hcl.lang.Hcl#parse}; {@link io.cairn.hcl.lang.Hcl#flatten} and
 * {@link io.cairn.hcl.lang.Hcl#flattenBlocks} give the shapes Consul's configuration and ACL decoders see.
 *
 * <p>Known differences from hcl v1: input starting with <code>{</code> (which hcl v1 parses as JSON) is refused;
 * where hcl v1 panics (a string its scanner accepts but its unquoting refuses, such as {@code "\U00110000"}), an
 * {@link io.cairn.hcl.lang.HclException} is thrown; escapes that make bytes which are not UTF-8 ({@code "\xff"})
 * give U+FFFD; input is bounded in length and nesting. The Vault forks' duplicate-key errors (v1.0.1-vault-*) are
 * not applied.
 */
@Export
@Version("1.0.0")
package io.cairn.hcl.lang;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
