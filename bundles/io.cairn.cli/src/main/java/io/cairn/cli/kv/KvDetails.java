package io.cairn.cli.kv;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code -detailed} block of {@code kv get}. Consul prints it through a Go tabwriter with padding 6, so the
 * label column is as wide as the longest label plus six spaces.
 */
final class KvDetails {
  private static final String[] LABELS =
      {"CreateIndex", "Flags", "Key", "LockIndex", "ModifyIndex", "Session", "Value"};
  private static final int WIDTH = 11 + 6;

  private KvDetails() {}

  static String format(KvPair pair, boolean base64) {
    String value = base64 ? Base64.getEncoder().encodeToString(pair.value())
        : new String(pair.value(), StandardCharsets.UTF_8);
    String[] values = {pair.createIndex().toString(), pair.flags().toString(), pair.key(),
        pair.lockIndex().toString(), pair.modifyIndex().toString(),
        pair.session().isEmpty() ? "-" : pair.session(), value};
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < LABELS.length; i++) {
      out.append(LABELS[i]).append(" ".repeat(WIDTH - LABELS[i].length())).append(values[i]).append('\n');
    }
    return out.toString();
  }
}
