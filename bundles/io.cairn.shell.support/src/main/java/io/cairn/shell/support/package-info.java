/**
 * What every Cairn console command does the same way, so that the shell bundles behave alike: wait for a
 * service's {@link java.util.concurrent.CompletionStage} on the console thread ({@link io.cairn.shell.support.Stages}),
 * fail the command with an error shown exactly as the command-line client prints it
 * ({@link io.cairn.shell.support.Failures}), and run as the ACL token the console session set with
 * {@code acl:token} ({@link io.cairn.shell.support.ConsoleAcl}), checking what the HTTP API checks. Plain classes;
 * the bundle's only command is {@code acl:token}, and formatting of each subsystem's values stays in its own shell
 * bundle.
 */
@Export
@Version("1.1.0")
package io.cairn.shell.support;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
