package io.cairn.kv.internal;

import io.cairn.kv.api.KvOperation;
import io.cairn.kv.api.KvSessionInvalidation;
import io.cairn.kv.api.KvStore;
import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.StateWriter;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Applies the replicated {@code kv} commands: {@link KvOperation}s and {@link KvSessionInvalidation}s, written by
 * the {@link KvStore} service and nested by other handlers in their commands (see {@link KvOperations}), and the
 * format-1 entries older releases wrote ({@link LegacyKvCommand}), applied as the operations they stand for.
 */
@Component(service = CommandHandler.class, property = CommandHandler.TYPE + "=" + KvStateMachine.COMMAND_TYPE)
public final class KvCommandHandler implements CommandHandler {

    private final KvOperations operations;

    @Activate
    public KvCommandHandler(@Reference(name = "lockDelays") LockDelays lockDelays) {
        this.operations = new KvOperations(lockDelays);
    }

    @Override
    public void validate(byte[] payload) {
        if (KvSessionInvalidation.isInvalidation(payload)) {
            if (KvSessionInvalidation.decode(payload).session().isEmpty()) {
                throw new IllegalArgumentException("missing session");
            }
        } else {
            KvStateMachine.validate(operation(payload));
        }
    }

    /**
     * An entry that does not decode throws rather than being skipped: a server that cannot read a committed
     * command (say, one written by a newer version) must stop instead of silently diverging.
     */
    @Override
    public byte[] apply(byte[] payload, StateWriter state) {
        if (KvSessionInvalidation.isInvalidation(payload)) {
            return operations.invalidate(KvSessionInvalidation.decode(payload), state).encode();
        }
        if (LegacyKvCommand.isLegacy(payload)) {
            return LegacyKvCommand.result(operations.apply(LegacyKvCommand.decode(payload), state));
        }
        return operations.apply(KvOperation.decode(payload), state).encode();
    }

    private static KvOperation operation(byte[] payload) {
        return LegacyKvCommand.isLegacy(payload) ? LegacyKvCommand.decode(payload) : KvOperation.decode(payload);
    }
}
