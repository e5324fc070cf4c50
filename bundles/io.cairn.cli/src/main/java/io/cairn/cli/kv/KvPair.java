package io.cairn.cli.kv;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** One entry of a KV answer ({@code GET /v1/kv/...}); numbers are uint64 on the wire, hence BigInteger. */
record KvPair(String key, BigInteger flags, byte[] value, String session, BigInteger createIndex,
    BigInteger modifyIndex, BigInteger lockIndex) {

  /** Reads the JSON array the KV endpoint returns. */
  static List<KvPair> listFrom(Object json) {
    if (!(json instanceof List<?> items)) {
      throw new IllegalArgumentException("expected a JSON array of KV entries");
    }
    List<KvPair> pairs = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("expected a JSON object per KV entry");
      }
      Object value = map.get("Value");
      pairs.add(new KvPair(String.valueOf(map.get("Key")), number(map.get("Flags")),
          value == null ? new byte[0] : Base64.getDecoder().decode((String) value),
          map.get("Session") == null ? "" : String.valueOf(map.get("Session")),
          number(map.get("CreateIndex")), number(map.get("ModifyIndex")), number(map.get("LockIndex"))));
    }
    return pairs;
  }

  private static BigInteger number(Object value) {
    return value instanceof BigDecimal d ? d.toBigInteger() : BigInteger.ZERO;
  }
}
