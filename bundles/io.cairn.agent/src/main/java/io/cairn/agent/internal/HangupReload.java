package io.cairn.agent.internal;

import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Makes SIGHUP reload the agent's configuration, as it does for Consul. Without it the JVM treats SIGHUP as a
 * request to exit. The handler only hands the reload to the agent's executor: signal handlers must not block.
 */
final class HangupReload implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HangupReload.class);
    private static final Signal HUP = new Signal("HUP");

    private final SignalHandler previous;

    /** Installs the handler; {@link #close()} puts back whatever handled SIGHUP before. */
    HangupReload(Executor executor, Runnable reload) {
        previous = Signal.handle(HUP, signal -> executor.execute(() -> {
            LOG.info("SIGHUP: reloading the configuration");
            reload.run();
        }));
    }

    @Override
    public void close() {
        Signal.handle(HUP, previous);
    }
}
