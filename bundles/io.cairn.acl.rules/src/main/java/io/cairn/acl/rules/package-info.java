/**
 * Consul's ACL rules in plain Java: {@link io.cairn.acl.rules.PolicyRules#parse} parses and validates a policy's
 * rules (HCL 1 or JSON, as Consul's policies hold them, with {@link io.cairn.acl.rules.RulesSyntax#CONSUL}),
 * {@link io.cairn.acl.rules.BuiltinRules} has the rules of the global-management policy and of
 * service and node identities, and {@link io.cairn.acl.rules.Authorizers#forRules} builds a token's
 * {@link io.cairn.acl.api.Authorizer}.
 *
 * <p>Semantics follow Consul's {@code acl} package: policy values {@code read}, {@code write}, {@code deny}, and
 * {@code list} for keys only, matched case-insensitively; the rules of all of a token's policies are merged with
 * {@code deny} over {@code write} over {@code list} over {@code read} per (section, name); a name's rule is its
 * exact rule, else its longest prefix rule (a trie per resource); {@code mesh} and {@code peering} fall back to
 * {@code operator}; what the rules leave open goes to the {@link io.cairn.acl.rules.DefaultPolicy}. As in Consul,
 * the merger compares values as written, so {@code operator = "Read"} validates but grants nothing.
 *
 * <p>Error texts ({@link io.cairn.acl.rules.RulesException#getMessage()}) are Consul's:
 * {@code Invalid acl policy: "list"}, {@code Invalid key_prefix policy: &acl.KeyRule{Prefix:"a", Policy:"nope",
 * EnterpriseRule:acl.EnterpriseRule{}}}, {@code Invalid service intentions policy: &acl.ServiceRule{...}} and so on
 * for every section. Best effort: {@code Failed to parse ACL rules: } messages for a tree of the wrong shape carry
 * the decoder's path but no source position.
 */
@Export
@Version("1.0.0")
package io.cairn.acl.rules;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
