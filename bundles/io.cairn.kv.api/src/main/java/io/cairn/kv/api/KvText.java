package io.cairn.kv.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;

import io.cairn.go.lang.GoJsonString;

/**
 * What {@code consul kv get} and {@code consul kv export} print for entries, byte for byte: a value, the
 * {@code -detailed} block and the export document. Both Cairn's command-line client and its {@code kv:*} console
 * commands print through it; it is plain Java, so the client uses it outside OSGi. Flags and indexes are Consul's
 * unsigned 64-bit numbers and are printed as such.
 */
public final class KvText {
    private static final String[] LABELS =
            {"CreateIndex", "Flags", "Key", "LockIndex", "ModifyIndex", "Session", "Value"};
    /** Consul prints the block through a Go tabwriter with padding 6: the longest label plus six spaces. */
    private static final int LABEL_WIDTH = "CreateIndex".length() + 6;

    private KvText() {
    }

    /** A value as {@code consul kv get} prints it: its UTF-8 text, or its base64 with {@code -base64}. */
    public static String value(byte[] value, boolean base64) {
        return base64 ? Base64.getEncoder().encodeToString(value) : new String(value, StandardCharsets.UTF_8);
    }

    /**
     * The block {@code consul kv get -detailed} prints for an entry, one {@code label value} row per field with
     * the values aligned and {@code -} for no session, without a newline after the last row:
     * <pre>
     * CreateIndex      4
     * Flags            42
     * Key              web/config
     * LockIndex        0
     * ModifyIndex      9
     * Session          -
     * Value            hello</pre>
     */
    public static String detailed(KvEntry entry, boolean base64) {
        String[] values = {Long.toUnsignedString(entry.createIndex()), Long.toUnsignedString(entry.flags()),
            entry.key(), Long.toUnsignedString(entry.lockIndex()), Long.toUnsignedString(entry.modifyIndex()),
            entry.session().isEmpty() ? "-" : entry.session(), value(entry.value(), base64)};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < LABELS.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(LABELS[i]).append(" ".repeat(LABEL_WIDTH - LABELS[i].length())).append(values[i]);
        }
        return out.toString();
    }

    /**
     * The document {@code consul kv export} prints, without a final newline: Go's {@code json.MarshalIndent} with
     * a tab indent of an array of {@code key}, {@code flags} and base64 {@code value} objects, {@code []} for none.
     */
    public static String export(List<KvEntry> entries) {
        if (entries.isEmpty()) {
            return "[]";
        }
        StringBuilder out = new StringBuilder("[\n");
        for (Iterator<KvEntry> it = entries.iterator(); it.hasNext();) {
            KvEntry entry = it.next();
            out.append("\t{\n")
                    .append("\t\t\"key\": ").append(GoJsonString.quote(entry.key())).append(",\n")
                    .append("\t\t\"flags\": ").append(Long.toUnsignedString(entry.flags())).append(",\n")
                    .append("\t\t\"value\": ").append(GoJsonString.quote(value(entry.value(), true))).append('\n')
                    .append(it.hasNext() ? "\t},\n" : "\t}\n");
        }
        return out.append(']').toString();
    }
}
