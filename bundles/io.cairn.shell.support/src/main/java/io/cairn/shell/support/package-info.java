/**
 * What every Cairn console command does the same way, so that the shell bundles print failures alike: wait for a
 * service's {@link java.util.concurrent.CompletionStage} on the console thread ({@link io.cairn.shell.support.Stages})
 * and fail the command with an error shown exactly as the command-line client prints it
 * ({@link io.cairn.shell.support.Failures}). Plain classes, no components; formatting of each subsystem's values
 * stays in its own shell bundle.
 */
@Export
@Version("1.0.0")
package io.cairn.shell.support;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
