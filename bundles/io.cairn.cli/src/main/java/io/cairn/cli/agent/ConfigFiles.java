package io.cairn.cli.agent;

import io.cairn.agent.definitions.HclConfig;
import io.cairn.cli.json.Json;
import io.cairn.cli.json.JsonException;
import io.cairn.hcl.lang.HclException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads agent settings from Consul-style config files, JSON or HCL ({@code *.hcl}, read as the tree of its JSON
 * equivalent, see {@link HclConfig}), and from {@code -hcl} fragments. A directory contributes its {@code *.json}
 * and {@code *.hcl} files in name order; later files override earlier ones. Keys other subsystems read
 * ({@link #LATER_SUBSYSTEMS}) are accepted and left alone here; any other unknown key is an error, as in Consul,
 * so typos do not go unnoticed. A {@code null} value (in HCL, an empty list) counts as absent, as in Consul.
 */
final class ConfigFiles {

  /**
   * Top-level keys that belong to subsystems reading the same files: service and check definitions, the
   * template stanzas the agent renders (feature cairn-template), the agent's watches (feature cairn-watch) and
   * its replicator (feature cairn-replicate).
   */
  static final Set<String> LATER_SUBSYSTEMS = Set.of("service", "services", "check", "checks", "template",
      "watches", "replicate");

  private static final Map<String, Setting> TOP_LEVEL = new TreeMap<>();
  /**
   * The nested objects that hold settings ({@code ports}, {@code limits}, {@code tls}, {@code acl}, ...) by
   * their dotted path: the names of their fields, each a setting or a nested object.
   */
  private static final Map<String, Set<String>> SECTIONS = new TreeMap<>();
  /** What each nested object looks like, for the error when it is not an object. */
  private static final Map<String, String> SECTION_EXAMPLES = Map.of("ports", "{\"http\": 8500}",
      "limits", "{\"http_max_conns_per_client\": 200}", "tls", "{\"defaults\": {\"ca_file\": \"ca.pem\"}}",
      "tls.defaults", "{\"ca_file\": \"ca.pem\"}", "tls.https", "{\"verify_incoming\": true}",
      "tls.internal_rpc", "{\"verify_server_hostname\": true}",
      "acl", "{\"enabled\": true, \"default_policy\": \"deny\"}", "acl.tokens", "{\"agent\": \"<secret ID>\"}",
      "ui_config", "{\"enabled\": true}");
  private static final Map<String, Setting> BY_KEY = new TreeMap<>();

  static {
    for (Setting setting : Setting.values()) {
      BY_KEY.put(setting.key, setting);
      String[] path = setting.key.split("\\.");
      if (path.length == 1) {
        TOP_LEVEL.put(setting.key, setting);
      }
      for (int depth = 1; depth < path.length; depth++) {
        SECTIONS.computeIfAbsent(String.join(".", Arrays.copyOf(path, depth)), s -> new TreeSet<>())
            .add(path[depth]);
      }
    }
  }

  private ConfigFiles() {}

  /** Reads every source in order and merges them. */
  static Settings read(List<ConfigSource> sources) throws ConfigException {
    Settings merged = new Settings();
    for (ConfigSource source : sources) {
      for (Path file : source.directory() ? configFilesIn(source.path()) : List.of(source.path())) {
        merged.overlay(readFile(file));
      }
    }
    return merged;
  }

  private static List<Path> configFilesIn(Path dir) throws ConfigException {
    if (!Files.isDirectory(dir)) {
      throw new ConfigException("-config-dir " + dir + ": no such directory");
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted()
          .filter(entry -> entry.getFileName().toString().endsWith(".json") || HclConfig.isHcl(entry))
          .filter(Files::isRegularFile)
          .toList();
    } catch (IOException e) {
      throw new ConfigException("-config-dir " + dir + ": cannot list files: " + e.getMessage());
    }
  }

  /** One config file: HCL if its name ends in {@code .hcl}, else JSON. */
  static Settings readFile(Path file) throws ConfigException {
    String where = "config file " + file;
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(where + ": cannot read it (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + ")");
    }
    if (HclConfig.isHcl(file)) {
      return readTree(where, hcl(where, text));
    }
    Object json;
    try {
      json = Json.parse(text);
    } catch (JsonException e) {
      throw new ConfigException(where + ": invalid JSON at " + e.describe());
    }
    if (!(json instanceof Map<?, ?> object)) {
      throw new ConfigException(where + ": expected a JSON object at the top level");
    }
    return readTree(where, object);
  }

  /**
   * A {@code -hcl} fragment, named {@code origin} in errors. It holds settings only: the service, check, watch and
   * template definitions the agent's subsystems read come from config files.
   */
  static Settings readFragment(String origin, String text) throws ConfigException {
    Map<String, Object> tree = hcl(origin, text);
    for (String key : tree.keySet()) {
      if (LATER_SUBSYSTEMS.contains(key)) {
        throw new ConfigException(origin + ": \"" + key + "\" is read from config files only; put it in a file "
            + "given with -config-file or -config-dir");
      }
    }
    return readTree(origin, tree);
  }

  /** The JSON-shaped tree of HCL text, its numbers as the JSON reader gives them ({@link BigDecimal}). */
  private static Map<String, Object> hcl(String where, String text) throws ConfigException {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> tree = (Map<String, Object>) jsonNumbers(HclConfig.read(text));
      return tree;
    } catch (HclException e) {
      throw new ConfigException(where + ": invalid HCL: " + e.getMessage());
    }
  }

  private static Object jsonNumbers(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> converted = new LinkedHashMap<>();
      map.forEach((key, v) -> converted.put((String) key, jsonNumbers(v)));
      return converted;
    }
    if (value instanceof List<?> list) {
      List<Object> converted = new ArrayList<>();
      list.forEach(v -> converted.add(jsonNumbers(v)));
      return converted;
    }
    if (value instanceof Long number) {
      return BigDecimal.valueOf(number);
    }
    if (value instanceof Double number) {
      return BigDecimal.valueOf(number);
    }
    return value;
  }

  private static Settings readTree(String where, Map<?, ?> object) throws ConfigException {
    Settings settings = new Settings();
    for (Map.Entry<?, ?> field : object.entrySet()) {
      String key = (String) field.getKey();
      if (field.getValue() == null) {
        continue;
      }
      if (SECTIONS.containsKey(key)) {
        readSection(where, key, field.getValue(), settings);
      } else if (TOP_LEVEL.containsKey(key)) {
        Setting setting = TOP_LEVEL.get(key);
        String origin = where + ", field \"" + key + "\"";
        settings.put(setting, setting.fromJson(field.getValue(), origin), origin);
      } else if (!LATER_SUBSYSTEMS.contains(key)) {
        throw new ConfigException(where + ": unknown field \"" + key + "\"; accepted fields are "
            + String.join(", ", TOP_LEVEL.keySet()) + ", " + String.join(", ", topLevelSections()) + ", "
            + String.join(", ", new TreeSet<>(LATER_SUBSYSTEMS)));
      }
    }
    return settings;
  }

  private static Set<String> topLevelSections() {
    Set<String> sections = new TreeSet<>();
    SECTIONS.keySet().stream().filter(section -> section.indexOf('.') < 0).forEach(sections::add);
    return sections;
  }

  private static void readSection(String where, String section, Object value, Settings settings)
      throws ConfigException {
    if (!(value instanceof Map<?, ?> fields)) {
      throw new ConfigException(where + ", field \"" + section + "\": expected an object such as "
          + SECTION_EXAMPLES.get(section));
    }
    Set<String> known = SECTIONS.get(section);
    for (Map.Entry<?, ?> field : fields.entrySet()) {
      String path = section + "." + field.getKey();
      if (field.getValue() == null) {
        continue;
      }
      if (SECTIONS.containsKey(path)) {
        readSection(where, path, field.getValue(), settings);
        continue;
      }
      Setting setting = BY_KEY.get(path);
      if (setting == null) {
        throw new ConfigException(where + ": unknown field \"" + path + "\"; accepted " + section + " are "
            + String.join(", ", known));
      }
      String origin = where + ", field \"" + setting.key + "\"";
      settings.put(setting, setting.fromJson(field.getValue(), origin), origin);
    }
  }
}
