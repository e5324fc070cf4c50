package io.cairn.gossip.internal.component;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Remembers whether the process is being stopped by SIGINT or SIGTERM, so that the agent can decide on its way down
 * whether to leave the cluster gracefully ({@code skip_leave_on_interrupt}, {@code leave_on_terminate}). The JVM
 * runs the same shutdown either way; each handler notes the signal and hands it on to the handler that was there
 * before (the JVM's, which starts the shutdown).
 */
final class ShutdownSignal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignal.class);
    private static final Signal INT = new Signal("INT");
    private static final Signal TERM = new Signal("TERM");

    /** What stopped the agent, as far as this class saw. */
    enum Cause {
        /** Not a signal: the framework was stopped from inside (a leave request, the console). */
        NONE,
        /** SIGINT (Ctrl-C). */
        INTERRUPT,
        /** SIGTERM. */
        TERMINATE
    }

    private final AtomicReference<Cause> cause = new AtomicReference<>(Cause.NONE);
    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;

    /** Installs the handlers; {@link #close()} puts the previous ones back. */
    ShutdownSignal() {
        previousInt = install(INT, Cause.INTERRUPT);
        previousTerm = install(TERM, Cause.TERMINATE);
    }

    Cause cause() {
        return cause.get();
    }

    private SignalHandler install(Signal signal, Cause noted) {
        SignalHandler[] previous = new SignalHandler[1];
        previous[0] = Signal.handle(signal, received -> {
            cause.compareAndSet(Cause.NONE, noted);
            LOG.info("SIG{}: the agent stops", received.getName());
            SignalHandler next = previous[0];
            if (next == SignalHandler.SIG_IGN) {
                return;
            }
            if (next == null || next == SignalHandler.SIG_DFL) {
                Runtime.getRuntime().exit(128 + received.getNumber());
            } else {
                next.handle(received);
            }
        });
        return previous[0];
    }

    @Override
    public void close() {
        restore(INT, previousInt);
        restore(TERM, previousTerm);
    }

    private static void restore(Signal signal, SignalHandler previous) {
        try {
            Signal.handle(signal, previous);
        } catch (IllegalArgumentException e) {
            LOG.debug("Could not restore the handler of SIG{}: {}", signal.getName(), e.toString());
        }
    }
}
