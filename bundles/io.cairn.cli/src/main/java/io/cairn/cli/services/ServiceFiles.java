package io.cairn.cli.services;

import io.cairn.agent.definitions.DefinitionParser;
import io.cairn.cli.json.Json;
import io.cairn.cli.json.JsonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads service definitions from Consul config files ({@code "service": {...}} or {@code "services": [...]},
 * snake_case keys, CamelCase also accepted) and turns each into the body of {@code PUT /v1/agent/service/register}.
 * Unknown fields are errors naming the file and the field path, so a typo does not register a half service.
 */
final class ServiceFiles {
  /** A definition's API body and the file it came from. */
  record Definition(Path file, Map<String, Object> body) {

    String name() {
      Object name = body.get("Name");
      return name == null ? "" : String.valueOf(name);
    }

    /** The ID, which defaults to the name. */
    String id() {
      Object id = body.get("ID");
      return id == null || String.valueOf(id).isEmpty() ? name() : String.valueOf(id);
    }
  }

  /** A definition that cannot be used; the message names file and field. */
  static final class DefinitionException extends Exception {
    private static final long serialVersionUID = 1L;

    DefinitionException(String message) {
      super(message);
    }
  }

  /**
   * How the fields of one kind of object are named: config-file name (as error messages list it) and API name,
   * keyed by {@link #normalize}d name so that either spelling is accepted.
   */
  private record Shape(Map<String, String> configNames, Map<String, String> apiNames) {}

  private static final Shape WEIGHTS = shape("passing:Passing", "warning:Warning");
  private static final Shape SERVICE_ADDRESS = shape("address:Address", "port:Port");
  private static final Shape CHECK = shape("id:CheckID", "check_id:CheckID", "name:Name", "notes:Notes",
      "status:Status", "service_id:ServiceID", "args:Args", "script_args:Args", "http:HTTP", "method:Method",
      "header:Header", "body:Body", "disable_redirects:DisableRedirects", "tls_server_name:TLSServerName",
      "tls_skip_verify:TLSSkipVerify", "tcp:TCP", "tcp_use_tls:TCPUseTLS", "udp:UDP", "grpc:GRPC",
      "grpc_use_tls:GRPCUseTLS", "h2ping:H2PING", "h2ping_use_tls:H2PingUseTLS",
      "docker_container_id:DockerContainerID", "shell:Shell", "os_service:OSService", "alias_node:AliasNode",
      "alias_service:AliasService", "ttl:TTL", "interval:Interval", "timeout:Timeout",
      "deregister_critical_service_after:DeregisterCriticalServiceAfter",
      "success_before_passing:SuccessBeforePassing", "failures_before_warning:FailuresBeforeWarning",
      "failures_before_critical:FailuresBeforeCritical", "output_max_size:OutputMaxSize", "script:Script",
      "token:Token");
  private static final Shape SERVICE = shape("id:ID", "name:Name", "tags:Tags", "address:Address",
      "tagged_addresses:TaggedAddresses", "meta:Meta", "port:Port", "socket_path:SocketPath",
      "enable_tag_override:EnableTagOverride", "weights:Weights", "check:Check", "checks:Checks", "token:Token");

  private ServiceFiles() {}

  /** Every service defined in {@code files}, in file order. */
  static List<Definition> read(List<String> files) throws DefinitionException {
    List<Definition> definitions = new ArrayList<>();
    for (String name : files) {
      Path file = Path.of(name);
      Object json;
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        json = Json.parse(text);
        // The agent's own reader checks values (durations, check kinds...) so a file is refused here exactly
        // when the agent would refuse it in a config dir.
        DefinitionParser.configFile(file.toString(), text);
      } catch (io.cairn.agent.definitions.DefinitionException e) {
        throw new DefinitionException(e.getMessage());
      } catch (IOException e) {
        throw new DefinitionException("cannot read " + file + ": " + e.getClass().getSimpleName() + ": "
            + e.getMessage());
      } catch (JsonException e) {
        throw new DefinitionException(file + ": invalid JSON at " + e.describe());
      }
      if (!(json instanceof Map<?, ?> top)) {
        throw new DefinitionException(file + ": expected a JSON object at the top level");
      }
      List<Object> services = new ArrayList<>();
      List<String> paths = new ArrayList<>();
      for (Map.Entry<?, ?> field : top.entrySet()) {
        String key = normalize(String.valueOf(field.getKey()));
        if (key.equals("service")) {
          services.add(field.getValue());
          paths.add(String.valueOf(field.getKey()));
        } else if (key.equals("services")) {
          if (!(field.getValue() instanceof List<?> list)) {
            throw new DefinitionException(file + ", field \"" + field.getKey() + "\": expected an array of "
                + "service objects");
          }
          for (int i = 0; i < list.size(); i++) {
            services.add(list.get(i));
            paths.add(field.getKey() + "[" + i + "]");
          }
        }
      }
      if (services.isEmpty()) {
        throw new DefinitionException(file + ": no service definition; expected a top-level \"service\" object "
            + "or \"services\" array");
      }
      for (int i = 0; i < services.size(); i++) {
        definitions.add(new Definition(file, translate(file, paths.get(i), services.get(i), SERVICE)));
      }
    }
    return definitions;
  }

  private static Map<String, Object> translate(Path file, String path, Object json, Shape shape)
      throws DefinitionException {
    if (!(json instanceof Map<?, ?> object)) {
      throw new DefinitionException(file + ", field \"" + path + "\": expected an object");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    for (Map.Entry<?, ?> field : object.entrySet()) {
      String key = String.valueOf(field.getKey());
      String fieldPath = path + "." + key;
      String name = shape.apiNames().get(normalize(key));
      if (name == null) {
        throw new DefinitionException(file + ": unknown field \"" + fieldPath + "\"; accepted fields are "
            + String.join(", ", new TreeSet<>(shape.configNames().values())));
      }
      Object value = field.getValue();
      body.put(name, switch (name) {
        case "Weights" -> translate(file, fieldPath, value, WEIGHTS);
        case "Check" -> translate(file, fieldPath, value, CHECK);
        case "Checks" -> translateAll(file, fieldPath, value, CHECK);
        case "TaggedAddresses" -> translateValues(file, fieldPath, value, SERVICE_ADDRESS);
        default -> value; // Meta and Header keys are the user's own and stay as written.
      });
    }
    return body;
  }

  private static List<Object> translateAll(Path file, String path, Object json, Shape shape)
      throws DefinitionException {
    if (!(json instanceof List<?> items)) {
      throw new DefinitionException(file + ", field \"" + path + "\": expected an array of objects");
    }
    List<Object> result = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      result.add(translate(file, path + "[" + i + "]", items.get(i), shape));
    }
    return result;
  }

  private static Map<String, Object> translateValues(Path file, String path, Object json, Shape shape)
      throws DefinitionException {
    if (!(json instanceof Map<?, ?> object)) {
      throw new DefinitionException(file + ", field \"" + path + "\": expected an object");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : object.entrySet()) {
      result.put(String.valueOf(entry.getKey()),
          translate(file, path + "." + entry.getKey(), entry.getValue(), shape));
    }
    return result;
  }

  /** {@code check_id}, {@code CheckID} and {@code checkid} are one key to Consul's decoder. */
  private static String normalize(String key) {
    return key.replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** @param pairs {@code config_name:ApiName} */
  private static Shape shape(String... pairs) {
    Map<String, String> configNames = new LinkedHashMap<>();
    Map<String, String> apiNames = new LinkedHashMap<>();
    for (String pair : pairs) {
      String config = pair.substring(0, pair.indexOf(':'));
      String api = pair.substring(pair.indexOf(':') + 1);
      configNames.put(normalize(config), config);
      apiNames.put(normalize(config), api);
      apiNames.put(normalize(api), api);
    }
    return new Shape(configNames, apiNames);
  }
}
