/**
 * Prepared queries: named, stored service lookups (Consul's {@code /v1/query}) with health rules, tag filters,
 * templates and an RTT order, executed over HTTP and DNS ({@code <query>.query.<domain>}).
 * <p>
 * Other bundles use the {@link io.cairn.query.api.PreparedQueries} service. The definition records carry Consul's
 * JSON field names, which are also the replicated record format of the table
 * {@value io.cairn.query.api.PreparedQueries#TABLE}.
 */
@Export
@Version("1.1.0")
package io.cairn.query.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
