package io.cairn.raft.internal.node;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.ratis.protocol.RaftClientReply;

import io.cairn.raft.api.CommandRejectedException;
import io.cairn.raft.api.NoLeaderException;
import io.cairn.raft.internal.machine.CairnStateMachine;

/** Turns Ratis failures into the API's exceptions. */
final class Failures {

    private Failures() {
    }

    static void throwIfFailed(RaftClientReply reply) {
        if (!reply.isSuccess()) {
            throw new CompletionException(reply.getException());
        }
    }

    /** For {@code exceptionally}: a refusal becomes {@link CommandRejectedException}, transport trouble no leader. */
    static <T> T rethrowMapped(Throwable failure) {
        Throwable cause = unwrap(failure);
        for (Throwable c = cause; c != null; c = c.getCause()) {
            String message = c.getMessage();
            int mark = message == null ? -1 : message.indexOf(CairnStateMachine.REJECTED_MARK);
            if (mark >= 0) {
                throw new CommandRejectedException(
                        message.substring(mark + CairnStateMachine.REJECTED_MARK.length()).trim());
            }
        }
        if (cause instanceof IllegalStateException || cause instanceof IllegalArgumentException) {
            throw (RuntimeException) cause;
        }
        throw new NoLeaderException(cause);
    }

    /** For a barrier: if the local server is stuck on a missing handler, say so rather than "no leader". */
    static <T> T rethrowBarrier(Throwable failure, Optional<String> waitingForHandler) {
        if (waitingForHandler.isPresent()) {
            throw new IllegalStateException("This server is not ready: it waits for a handler of command type '"
                    + waitingForHandler.get() + "' to apply the replicated log", unwrap(failure));
        }
        throw new NoLeaderException(unwrap(failure));
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
