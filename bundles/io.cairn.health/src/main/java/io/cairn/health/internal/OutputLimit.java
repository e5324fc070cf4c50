package io.cairn.health.internal;

import java.nio.charset.StandardCharsets;

/**
 * Bounds check output the way Consul's capture buffer does: the last {@code max} bytes are kept (the end of a
 * script's output is usually what explains a failure), prefixed with {@code Captured <kept> of <total> bytes}.
 */
final class OutputLimit {

    private OutputLimit() {
    }

    static String truncate(String output, int maxBytes) {
        byte[] bytes = output.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return output;
        }
        int start = bytes.length - maxBytes;
        // Never start inside a multi-byte character: skip UTF-8 continuation bytes.
        while (start < bytes.length && (bytes[start] & 0xC0) == 0x80) {
            start++;
        }
        int kept = bytes.length - start;
        return "Captured " + kept + " of " + bytes.length + " bytes\n...\n"
                + new String(bytes, start, kept, StandardCharsets.UTF_8);
    }
}
