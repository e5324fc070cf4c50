package io.cairn.cli.json;

import io.cairn.go.lang.GoJsonString;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader and a writer that formats like Go's {@code json.MarshalIndent(v, "", "\t")}. The CLI keeps
 * its own instead of a library so that it starts fast, reports errors by line, and prints byte-for-byte what
 * Consul prints. Values are {@code Map<String,Object>} (insertion order), {@code List<Object>}, {@code String},
 * {@code BigDecimal}, {@code Boolean} and {@code null}.
 */
public final class Json {
  private final String text;
  private int pos;
  private int line = 1;
  private int lineStart;

  private Json(String text) {
    this.text = text;
  }

  /** Parses one JSON value that must fill {@code text} (surrounding whitespace allowed). */
  public static Object parse(String text) throws JsonException {
    Json reader = new Json(text);
    reader.skipSpace();
    Object value = reader.readValue();
    reader.skipSpace();
    if (reader.pos < text.length()) {
      throw reader.error("unexpected '" + text.charAt(reader.pos) + "' after the end of the value");
    }
    return value;
  }

  private Object readValue() throws JsonException {
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return readObject();
      case '[':
        return readArray();
      case '"':
        return readString();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return readNumber();
        }
        throw error("unexpected '" + c + "'");
    }
  }

  private Map<String, Object> readObject() throws JsonException {
    Map<String, Object> object = new LinkedHashMap<>();
    pos++;
    skipSpace();
    if (peek() == '}') {
      pos++;
      return object;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("expected a quoted field name");
      }
      String key = readString();
      skipSpace();
      expect(':');
      skipSpace();
      object.put(key, readValue());
      skipSpace();
      if (peek() == ',') {
        pos++;
      } else if (peek() == '}') {
        pos++;
        return object;
      } else {
        throw error("expected ',' or '}' in object");
      }
    }
  }

  private List<Object> readArray() throws JsonException {
    List<Object> array = new ArrayList<>();
    pos++;
    skipSpace();
    if (peek() == ']') {
      pos++;
      return array;
    }
    while (true) {
      skipSpace();
      array.add(readValue());
      skipSpace();
      if (peek() == ',') {
        pos++;
      } else if (peek() == ']') {
        pos++;
        return array;
      } else {
        throw error("expected ',' or ']' in array");
      }
    }
  }

  private String readString() throws JsonException {
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        pos--;
        throw error("control character in string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char esc = pos < text.length() ? text.charAt(pos++) : '\0';
      switch (esc) {
        case '"', '\\', '/' -> out.append(esc);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("bad \\u escape");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          } catch (NumberFormatException e) {
            throw error("bad \\u escape");
          }
          pos += 4;
        }
        default -> {
          pos--;
          throw error("bad escape in string");
        }
      }
    }
  }

  private BigDecimal readNumber() throws JsonException {
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    String number = text.substring(start, pos);
    if (!number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      pos = start;
      throw error("bad number '" + number + "'");
    }
    return new BigDecimal(number);
  }

  private Object literal(String word, Object value) throws JsonException {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected '" + text.charAt(pos) + "'");
    }
    pos += word.length();
    return value;
  }

  private void expect(char c) throws JsonException {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private char peek() throws JsonException {
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    return text.charAt(pos);
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        line++;
        lineStart = pos + 1;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private JsonException error(String problem) {
    return new JsonException(problem, line, pos - lineStart + 1);
  }

  /** Writes {@code value} as Go's {@code MarshalIndent(value, "", "\t")} does (keys in map order). */
  public static String writeIndented(Object value) {
    return writeIndented(value, "\t");
  }

  /** Writes {@code value} as Go's {@code MarshalIndent(value, "", indent)} does (keys in map order). */
  public static String writeIndented(Object value, String indent) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0, indent);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value, int depth, String indent) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      out.append(GoJsonString.quote(s));
    } else if (value instanceof Map<?, ?> map) {
      writeItems(out, '{', '}', depth, map.entrySet().stream().map(e -> (Runnable) () -> {
        out.append(GoJsonString.quote((String) e.getKey()));
        out.append(": ");
        write(out, e.getValue(), depth + 1, indent);
      }).toList(), indent);
    } else if (value instanceof List<?> list) {
      writeItems(out, '[', ']', depth,
          list.stream().map(item -> (Runnable) () -> write(out, item, depth + 1, indent)).toList(), indent);
    } else {
      out.append(value);
    }
  }

  private static void writeItems(StringBuilder out, char open, char close, int depth, List<Runnable> items,
      String indent) {
    out.append(open);
    if (items.isEmpty()) {
      out.append(close);
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      out.append(i == 0 ? "\n" : ",\n").append(indent.repeat(depth + 1));
      items.get(i).run();
    }
    out.append('\n').append(indent.repeat(depth)).append(close);
  }
}
