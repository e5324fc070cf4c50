package io.cairn.cli.lock;

import io.cairn.cli.json.Json;
import io.cairn.cli.json.JsonException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The parts of a KVPair that locks and semaphores look at.
 *
 * @param key         the key
 * @param value       its value (empty for none)
 * @param flags       its flags (unsigned 64-bit in a long)
 * @param session     the session holding it, {@code ""} if none
 * @param modifyIndex its modify index
 */
public record KvPair(String key, byte[] value, long flags, String session, long modifyIndex) {

  /** Parses the JSON array {@code /v1/kv} answers. */
  public static List<KvPair> parseList(byte[] body) throws JsonException {
    Object json = Json.parse(new String(body, StandardCharsets.UTF_8));
    List<KvPair> pairs = new ArrayList<>();
    if (json instanceof List<?> items) {
      for (Object item : items) {
        Map<?, ?> pair = (Map<?, ?>) item;
        Object value = pair.get("Value");
        pairs.add(new KvPair((String) pair.get("Key"),
            value == null ? new byte[0] : Base64.getDecoder().decode((String) value),
            number(pair.get("Flags")), pair.get("Session") == null ? "" : (String) pair.get("Session"),
            number(pair.get("ModifyIndex"))));
      }
    }
    return pairs;
  }

  private static long number(Object value) {
    return value instanceof BigDecimal n ? n.toBigInteger().longValue() : 0;
  }
}
