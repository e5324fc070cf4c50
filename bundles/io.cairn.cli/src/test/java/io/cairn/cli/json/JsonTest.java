package io.cairn.cli.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void parsesNestedValues() throws Exception {
    Object value = Json.parse(" {\"a\": [1, -2.5e1, \"x\\u00e9\\n\"], \"b\": {\"c\": true, \"d\": null}} ");
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("c", true);
    d.put("d", null);
    assertEquals(Map.of("a", List.of(new BigDecimal("1"), new BigDecimal("-2.5e1"), "x\u00e9\n"), "b", d), value);
  }

  @Test
  void errorsCarryLineAndColumn() {
    JsonException e = assertThrows(JsonException.class, () -> Json.parse("{\n  \"a\": 1,\n  \"b\" 2\n}"));
    assertEquals("line 3, column 7: expected ':'", e.describe());
    assertEquals("line 1, column 3: unexpected ',' after the end of the value",
        assertThrows(JsonException.class, () -> Json.parse("1 ,")).describe());
    assertThrows(JsonException.class, () -> Json.parse("[01]"));
    assertThrows(JsonException.class, () -> Json.parse("\"open"));
  }

  @Test
  void writesLikeGoMarshalIndent() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("key", "a&b\u2028");
    entry.put("list", List.of());
    assertEquals("[\n\t{\n\t\t\"key\": \"a\\u0026b\\u2028\",\n\t\t\"list\": []\n\t}\n]",
        Json.writeIndented(List.of(entry)));
  }
}
