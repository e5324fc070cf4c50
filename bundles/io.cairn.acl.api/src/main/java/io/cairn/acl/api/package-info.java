/**
 * Consul's ACL model: {@link io.cairn.acl.api.AclToken tokens}, {@link io.cairn.acl.api.AclPolicy policies},
 * {@link io.cairn.acl.api.AclRole roles}, {@link io.cairn.acl.api.ServiceIdentity service} and
 * {@link io.cairn.acl.api.NodeIdentity node} identities, and the {@link io.cairn.acl.api.Authorizer} whose
 * decisions endpoints ask before they answer.
 * <p>
 * The records carry Consul's JSON field names ({@code AccessorID}, {@code Policies}, {@code CreateIndex}...) and
 * omit the same empty fields Consul omits. The reserved IDs of the built-in global-management policy
 * ({@value io.cairn.acl.api.AclPolicy#GLOBAL_MANAGEMENT_ID}) and of the anonymous token
 * ({@value io.cairn.acl.api.AclToken#ANONYMOUS_ID}) are Consul's.
 */
@Export
@Version("1.2.0")
package io.cairn.acl.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
