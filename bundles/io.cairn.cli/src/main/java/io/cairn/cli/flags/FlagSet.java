package io.cairn.cli.flags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses options the way Go's {@code flag} package does, so Consul command lines work unchanged: {@code -name},
 * {@code --name}, {@code -name=value}, {@code -name value} (not for booleans), {@code -bool=false}. Parsing stops
 * at the first argument that is not a flag, at a lone {@code -} and after {@code --}.
 */
public final class FlagSet {

  private enum Kind { BOOL, VALUE }

  private record Flag(String name, Kind kind, String usage, String placeholder) {}

  private final Map<String, Flag> flags = new LinkedHashMap<>();

  /** Declares a presence flag ({@code -recurse}, {@code -recurse=true}). */
  public FlagSet bool(String name, String usage) {
    flags.put(name, new Flag(name, Kind.BOOL, usage, null));
    return this;
  }

  /** Declares a flag that takes a value; given several times, every occurrence is kept in order. */
  public FlagSet value(String name, String placeholder, String usage) {
    flags.put(name, new Flag(name, Kind.VALUE, usage, placeholder));
    return this;
  }

  /** Parses {@code args}; the result holds the flags seen and the positional arguments after them. */
  public ParsedFlags parse(List<String> args) throws UsageException, HelpRequested {
    List<Map.Entry<String, String>> seen = new ArrayList<>();
    int i = 0;
    while (i < args.size()) {
      String arg = args.get(i);
      if (arg.length() < 2 || arg.charAt(0) != '-') {
        break;
      }
      i++;
      if (arg.equals("--")) {
        break;
      }
      String body = arg.substring(arg.startsWith("--") ? 2 : 1);
      if (body.isEmpty() || body.charAt(0) == '-' || body.charAt(0) == '=') {
        throw new UsageException("bad flag syntax: " + arg);
      }
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      String value = eq < 0 ? null : body.substring(eq + 1);
      Flag flag = flags.get(name);
      if (flag == null) {
        if (name.equals("h") || name.equals("help")) {
          throw new HelpRequested();
        }
        throw new UsageException("flag provided but not defined: -" + name);
      }
      if (flag.kind() == Kind.BOOL) {
        seen.add(Map.entry(name, Boolean.toString(value == null || parseBool(name, value))));
        continue;
      }
      if (value == null) {
        if (i >= args.size()) {
          throw new UsageException("flag needs an argument: -" + name);
        }
        value = args.get(i++);
      }
      seen.add(Map.entry(name, value));
    }
    return new ParsedFlags(seen, List.copyOf(args.subList(i, args.size())));
  }

  /** One line per flag, sorted as declared, for the usage text. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (Flag flag : flags.values()) {
      out.append("  -").append(flag.name());
      if (flag.placeholder() != null) {
        out.append('=').append(flag.placeholder());
      }
      out.append("\n      ").append(flag.usage()).append('\n');
    }
    return out.toString();
  }

  private static boolean parseBool(String name, String value) throws UsageException {
    switch (value) {
      case "1", "t", "T", "true", "TRUE", "True":
        return true;
      case "0", "f", "F", "false", "FALSE", "False":
        return false;
      default:
        throw new UsageException("invalid boolean value \"" + value + "\" for -" + name + ": use true or false");
    }
  }
}
