package io.cairn.cli.flags;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flags found on a command line, in the order given, and the positional arguments after them. Typed getters
 * turn a bad value into a {@link UsageException} that names the flag.
 */
public final class ParsedFlags {
  private final List<Map.Entry<String, String>> seen;
  private final List<String> positional;

  ParsedFlags(List<Map.Entry<String, String>> seen, List<String> positional) {
    this.seen = List.copyOf(seen);
    this.positional = positional;
  }

  public List<String> positional() {
    return positional;
  }

  /** Every flag occurrence in command-line order (name, value); booleans carry "true"/"false". */
  public List<Map.Entry<String, String>> occurrences() {
    return seen;
  }

  public boolean isSet(String name) {
    return seen.stream().anyMatch(e -> e.getKey().equals(name));
  }

  /** The last value given for {@code name}: with Go's flag package the last occurrence wins. */
  public Optional<String> last(String name) {
    String found = null;
    for (Map.Entry<String, String> e : seen) {
      if (e.getKey().equals(name)) {
        found = e.getValue();
      }
    }
    return Optional.ofNullable(found);
  }

  public List<String> all(String name) {
    return seen.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).toList();
  }

  public boolean bool(String name) {
    return last(name).map(Boolean::parseBoolean).orElse(false);
  }

  public String string(String name, String fallback) {
    return last(name).orElse(fallback);
  }

  /** An unsigned 64-bit value (Consul flags and indexes), kept in a long's bits. */
  public long unsigned(String name, long fallback) throws UsageException {
    Optional<String> value = last(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseUnsignedLong(value.get());
    } catch (NumberFormatException e) {
      throw new UsageException("invalid value \"" + value.get() + "\" for flag -" + name
          + ": expected an unsigned integer");
    }
  }

  /**
   * Every {@code key=value} given for a repeatable map flag ({@code -node-meta}, {@code -meta}), split at the
   * first {@code =}; a later occurrence of a key wins.
   */
  public Map<String, String> keyValues(String name) throws UsageException {
    Map<String, String> result = new LinkedHashMap<>();
    for (String value : all(name)) {
      int eq = value.indexOf('=');
      if (eq < 0) {
        throw new UsageException("invalid value \"" + value + "\" for flag -" + name + ": expected key=value");
      }
      result.put(value.substring(0, eq), value.substring(eq + 1));
    }
    return result;
  }
}
