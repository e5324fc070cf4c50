package io.cairn.health.api;

import java.nio.charset.StandardCharsets;

/**
 * Where a {@link CheckType} that runs a process collects its output within the definition's
 * {@link CheckDefinition#outputMaxSize() output limit}: keeps the last {@code limit} bytes written to it and
 * counts all of them, like the ring buffer Consul captures a script's output in. A chatty command costs at most
 * {@code limit} bytes of memory, and what is kept is the end, where the reason for a failure usually is.
 * <p>
 * Thread-safe: a timeout may read it while the output is still being drained.
 */
public final class OutputTail {

    private final byte[] ring;
    private long total;

    /**
     * @param limit the most bytes kept, usually {@link CheckDefinition#outputMaxSize()}
     * @throws IllegalArgumentException if {@code limit} is not positive (a definition's limit never is)
     */
    public OutputTail(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("output limit must be at least 1 byte, got " + limit);
        }
        ring = new byte[limit];
    }

    /** Appends {@code length} bytes of {@code bytes} from {@code offset}, dropping the oldest beyond the limit. */
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) (total % ring.length)] = bytes[offset + i];
            total++;
        }
    }

    /**
     * The kept bytes as UTF-8 text, prefixed as Consul does ({@code Captured k of n bytes\n...\n}) when some were
     * dropped.
     */
    public synchronized String text() {
        if (total <= ring.length) {
            return new String(ring, 0, (int) total, StandardCharsets.UTF_8);
        }
        int start = (int) (total % ring.length);
        byte[] ordered = new byte[ring.length];
        System.arraycopy(ring, start, ordered, 0, ring.length - start);
        System.arraycopy(ring, 0, ordered, ring.length - start, start);
        return "Captured " + ring.length + " of " + total + " bytes\n...\n"
                + new String(ordered, StandardCharsets.UTF_8);
    }
}
