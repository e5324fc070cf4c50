package io.cairn.cli.kv;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.DataSource;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.cli.json.Json;
import io.cairn.cli.json.JsonException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code cairn kv import}: writes every entry of a {@code kv export} document, in order. */
public final class KvImport extends ClientCommand {

  private record Entry(String key, BigDecimal flags, byte[] value) {}

  @Override
  public String synopsis() {
    return "Imports a tree stored as JSON to the KV store";
  }

  @Override
  protected String usage() {
    return "Usage: cairn kv import [options] [DATA]\n\n"
        + "  Writes the entries of DATA, a JSON array as printed by \"cairn kv export\". DATA may be @path to\n"
        + "  read a file, - to read stdin, or the JSON itself.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.value("prefix", "<string>", "Key prefix to put in front of every imported key.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) {
    List<String> args = flags.positional();
    if (args.size() != 1 || args.get(0).isEmpty()) {
      console.err().println("Error! " + (args.isEmpty() ? "Missing DATA argument"
          : args.size() > 1 ? "Too many arguments (expected 1, got " + args.size() + ")" : "Empty DATA argument"));
      return 1;
    }
    List<Entry> entries;
    try {
      String data = new String(DataSource.read(args.get(0), console.in()), StandardCharsets.UTF_8);
      entries = entries(Json.parse(data));
    } catch (DataSource.DataSourceException e) {
      console.err().println("Error! " + e.getMessage());
      return 1;
    } catch (JsonException e) {
      console.err().println("Cannot unmarshal data: " + e.describe());
      return 1;
    } catch (IllegalArgumentException e) {
      console.err().println("Cannot unmarshal data: " + e.getMessage());
      return 1;
    }
    String prefix = flags.string("prefix", "");
    for (Entry entry : entries) {
      String key = prefix.isEmpty() ? entry.key() : joinKey(prefix, entry.key());
      Map<String, String> query = new HashMap<>();
      if (entry.flags().signum() != 0) {
        query.put("flags", entry.flags().toBigInteger().toString());
      }
      try {
        api.send("PUT", "/v1/kv/" + key, query, entry.value(), 200);
      } catch (ApiException e) {
        console.err().println("Error! Failed writing data for key " + key + ": " + e.getMessage());
        return 1;
      }
      console.out().println("Imported: " + key);
    }
    return 0;
  }

  /** Checks the whole document before writing anything, so a bad entry does not leave a half import. */
  private static List<Entry> entries(Object json) {
    if (!(json instanceof List<?> items)) {
      throw new IllegalArgumentException("expected a JSON array of {\"key\", \"flags\", \"value\"} objects");
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Map<?, ?> item) || !(item.get("key") instanceof String key)) {
        throw new IllegalArgumentException("entry " + i + " is not an object with a string \"key\"");
      }
      Object flags = item.get("flags");
      if (flags != null && !(flags instanceof BigDecimal number && isUint64(number))) {
        throw new IllegalArgumentException("entry " + i + " (" + key + "): \"flags\" must be an unsigned integer");
      }
      Object value = item.get("value");
      byte[] bytes;
      try {
        bytes = value == null ? new byte[0] : Base64.getDecoder().decode((String) value);
      } catch (IllegalArgumentException | ClassCastException e) {
        throw new IllegalArgumentException("Error base 64 decoding value for key " + key + ": " + e.getMessage());
      }
      entries.add(new Entry(key, flags == null ? BigDecimal.ZERO : (BigDecimal) flags, bytes));
    }
    return entries;
  }

  private static boolean isUint64(BigDecimal number) {
    try {
      var integer = number.toBigIntegerExact();
      return integer.signum() >= 0 && integer.bitLength() <= 64;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  private static String joinKey(String prefix, String key) {
    return prefix.endsWith("/") || key.startsWith("/") ? prefix + key : prefix + "/" + key;
  }
}
