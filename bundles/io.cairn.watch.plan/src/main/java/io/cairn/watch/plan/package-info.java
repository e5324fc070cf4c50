/**
 * Consul watches as plain Java, shared by {@code cairn watch} and the agent's config-file watches: a
 * {@link io.cairn.watch.plan.WatchSpec} says what to watch, a {@link io.cairn.watch.plan.WatchPlan} runs the
 * blocking-query loop with Consul's rules and hands each change to a {@link io.cairn.watch.plan.WatchHandler}.
 */
@Export
@Version("2.1.0")
package io.cairn.watch.plan;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
