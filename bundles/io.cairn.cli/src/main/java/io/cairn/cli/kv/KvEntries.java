package io.cairn.cli.kv;

import io.cairn.kv.api.KvEntry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Reads the entries of a KV answer ({@code GET /v1/kv/...}), the JSON array of Consul's KVPair objects. */
final class KvEntries {

  private KvEntries() {}

  /** The entries of the parsed answer {@code json}. */
  static List<KvEntry> listFrom(Object json) {
    if (!(json instanceof List<?> items)) {
      throw new IllegalArgumentException("expected a JSON array of KV entries");
    }
    List<KvEntry> entries = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("expected a JSON object per KV entry");
      }
      Object value = map.get("Value");
      entries.add(new KvEntry(String.valueOf(map.get("Key")),
          value == null ? new byte[0] : Base64.getDecoder().decode((String) value), uint64(map.get("Flags")),
          uint64(map.get("LockIndex")), map.get("Session") == null ? "" : String.valueOf(map.get("Session")),
          uint64(map.get("CreateIndex")), uint64(map.get("ModifyIndex"))));
    }
    return entries;
  }

  /** A uint64 of the answer as the long with the same 64 bits, which KvText prints unsigned again. */
  private static long uint64(Object value) {
    return value instanceof BigDecimal d ? d.toBigInteger().longValue() : 0;
  }
}
