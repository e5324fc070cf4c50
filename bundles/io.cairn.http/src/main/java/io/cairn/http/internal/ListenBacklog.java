package io.cairn.http.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The accept backlog to listen with: the system's maximum, as Go's listeners ask for, so a burst of connects waits
 * in the kernel's queue rather than seeing its SYNs dropped and retried a second later (Java's default is 50).
 */
final class ListenBacklog {
    /** Asked for where the maximum cannot be read: the kernel clamps a larger backlog to its maximum anyway. */
    static final int FALLBACK = 65535;
    private static final Path SOMAXCONN = Path.of("/proc/sys/net/core/somaxconn");

    private ListenBacklog() {
    }

    static int systemMaximum() {
        return read(SOMAXCONN);
    }

    static int read(Path somaxconn) {
        // Read as a stream: Files.readString trusts the size /proc reports (0) and returns only the first byte.
        try (BufferedReader reader = Files.newBufferedReader(somaxconn, StandardCharsets.US_ASCII)) {
            String line = reader.readLine();
            int value = line == null ? 0 : Integer.parseInt(line.trim());
            return value > 0 ? value : FALLBACK;
        } catch (IOException | NumberFormatException | SecurityException e) {
            return FALLBACK;
        }
    }
}
