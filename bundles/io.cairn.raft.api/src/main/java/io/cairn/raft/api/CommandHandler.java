package io.cairn.raft.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Applies the replicated commands of one type. Register an implementation as an OSGi service with the service
 * property {@value #TYPE} naming the command type it owns (one handler per type; the highest ranked wins).
 *
 * <h2>The replication contract</h2>
 * Every server applies every log entry in the same order with the same result. Therefore:
 * <ul>
 * <li>{@link #apply} must be deterministic: its mutations and its result depend only on the payload and the
 * state. No clocks, randomness, I/O or other services.</li>
 * <li>A command whose type has no handler on the leader is <em>refused</em> before it enters the log
 * ({@link CommandRejectedException}).</li>
 * <li>A committed entry whose handler is missing on some server (for example while its bundle is being
 * updated) is never skipped: that server stops applying at that entry and reports itself not ready until a
 * handler for the type is registered again, then continues in order.</li>
 * </ul>
 * The state handlers write lives in the Raft core, not in the handler: uninstalling a handler's bundle loses
 * nothing.
 */
@ConsumerType
public interface CommandHandler {

    /** Service property: the command type this handler applies, e.g. {@code kv}. */
    String TYPE = "cairn.command.type";

    /**
     * Checks a command before it is appended to the log; runs on the leader. Throw
     * {@link IllegalArgumentException} with a message for the user to refuse it. The default accepts all.
     */
    default void validate(byte[] payload) {
    }

    /**
     * Applies one committed command.
     *
     * @return the result handed back to the submitter (never {@code null}; may be empty)
     */
    byte[] apply(byte[] payload, StateWriter state);
}
