/**
 * The replicated state machine at the heart of Cairn.
 * <p>
 * Subsystems never see Raft itself. They
 * <ul>
 * <li>register a {@link io.cairn.raft.api.CommandHandler} for each command type they own,</li>
 * <li>submit commands through {@link io.cairn.raft.api.RaftService#submit},</li>
 * <li>read the replicated {@link io.cairn.raft.api.StateView} after a
 * {@link io.cairn.raft.api.RaftService#barrier consistency barrier}, and</li>
 * <li>wait for changes with {@link io.cairn.raft.api.RaftService#awaitChange} (blocking queries).</li>
 * </ul>
 * The state itself is a set of named tables of opaque records owned by the Raft core, so a subsystem bundle can
 * be uninstalled and installed again without losing replicated data.
 */
@Export
@Version("1.3.0")
package io.cairn.raft.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
