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
 * Applies the replicated {@code kv} commands: the KV bundle's own writes ({@link KvCommand}, see
 * {@link KvStateMachine}) and the API's {@link KvOperation}s and {@link KvSessionInvalidation}s (see
 * {@link KvOperations}), which other handlers also apply nested in their commands.
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
        if (KvOperation.isOperation(payload)) {
            validate(KvOperation.decode(payload));
        } else if (KvSessionInvalidation.isInvalidation(payload)) {
            if (KvSessionInvalidation.decode(payload).session().isEmpty()) {
                throw new IllegalArgumentException("missing session");
            }
        } else {
            KvStateMachine.validate(KvCommand.decode(payload));
        }
    }

    /** Refuses an operation no server should apply; {@link IllegalArgumentException} with a message for the user. */
    public static void validate(KvOperation op) {
        boolean prefixVerb = op.verb() == KvOperation.Verb.GET_TREE || op.verb() == KvOperation.Verb.DELETE_TREE;
        if (!prefixVerb && op.key().isEmpty()) {
            throw new IllegalArgumentException("Missing key name");
        }
        KvStateMachine.checkKey(op.key());
        if (op.value().length > KvStore.MAX_VALUE_SIZE) {
            throw new IllegalArgumentException("Value of " + op.value().length + " bytes too large, max size: "
                    + KvStore.MAX_VALUE_SIZE + " bytes");
        }
    }

    /**
     * An entry that does not decode throws rather than being skipped: a server that cannot read a committed
     * command (say, one written by a newer version) must stop instead of silently diverging.
     */
    @Override
    public byte[] apply(byte[] payload, StateWriter state) {
        if (KvOperation.isOperation(payload)) {
            return operations.apply(KvOperation.decode(payload), state).encode();
        }
        if (KvSessionInvalidation.isInvalidation(payload)) {
            return operations.invalidate(KvSessionInvalidation.decode(payload), state).encode();
        }
        return KvStateMachine.encodeResult(KvStateMachine.apply(KvCommand.decode(payload), state));
    }
}
