package io.cairn.template.internal.exec;

import java.io.IOException;

/** Sends a POSIX signal to a process. */
public interface SignalSender {

    /** Sends {@code signal} (a name from {@link Signals}, e.g. {@code HUP}) to process {@code pid}. */
    void send(long pid, String signal) throws IOException;

    /**
     * Sends signals by running {@code kill -s <SIG> <pid>}. Java has no API for arbitrary signals:
     * {@link ProcessHandle#destroy()} sends only SIGTERM and {@code destroyForcibly()} only SIGKILL, while a child
     * needs SIGHUP to reload and SIGINT (consul-template's default) to stop; {@code kill} is on every POSIX system.
     */
    static SignalSender kill() {
        return (pid, signal) -> {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).redirectErrorStream(true)
                    .start();
            String output = new String(kill.getInputStream().readAllBytes()).trim();
            try {
                if (kill.waitFor() != 0) {
                    throw new IOException("kill -s " + signal + " " + pid + " failed: " + output);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while sending SIG" + signal + " to " + pid);
            }
        };
    }
}
