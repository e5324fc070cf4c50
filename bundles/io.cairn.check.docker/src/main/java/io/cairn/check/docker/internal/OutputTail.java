package io.cairn.check.docker.internal;

import java.nio.charset.StandardCharsets;

/**
 * Keeps the last {@code limit} bytes written to it and counts all of them, like the ring buffer Consul captures an
 * exec's output in: a chatty command costs at most {@code limit} bytes of memory, and what is kept is the end,
 * where the reason for a failure usually is. Thread-safe: a timeout may read it while the output is still being
 * read.
 */
final class OutputTail {

    private final byte[] ring;
    private long total;

    OutputTail(int limit) {
        ring = new byte[limit];
    }

    synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            if (ring.length > 0) {
                ring[(int) (total % ring.length)] = bytes[offset + i];
            }
            total++;
        }
    }

    /** The kept bytes as text, prefixed as Consul does ({@code Captured k of n bytes}) when some were dropped. */
    synchronized String text() {
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
