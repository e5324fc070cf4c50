package io.cairn.cli.acl;

import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.cli.http.ApiResponse;
import io.cairn.cli.json.Json;
import io.cairn.cli.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Consul's ACL HTTP API as the CLI uses it: tokens, policies and roles as JSON objects ({@code Map}s in the
 * server's field order), and Consul's resolution of ID prefixes and built-in names.
 */
final class AclApi {
  private final ApiClient api;

  AclApi(ApiClient api) {
    this.api = api;
  }

  Map<String, Object> bootstrap(Map<String, Object> body) throws ApiException, AclException {
    return object(api.send("PUT", "/v1/acl/bootstrap", Map.of(), json(body), 200).text());
  }

  Map<String, Object> create(AclKind kind, Map<String, Object> body) throws ApiException, AclException {
    return object(api.send("PUT", kind.itemPath(), Map.of(), json(body), 200).text());
  }

  Map<String, Object> update(AclKind kind, String id, Map<String, Object> body)
      throws ApiException, AclException {
    return object(api.send("PUT", kind.itemPath() + "/" + id, Map.of(), json(body), 200).text());
  }

  Map<String, Object> cloneToken(String id, String description) throws ApiException, AclException {
    return object(api.send("PUT", AclKind.TOKEN.itemPath() + "/" + id + "/clone", Map.of(),
        json(Map.of("Description", description)), 200).text());
  }

  /** The object with this full ID; empty when the agent answers 404. */
  Optional<Map<String, Object>> read(AclKind kind, String id) throws ApiException, AclException {
    return optional(api.send("GET", kind.itemPath() + "/" + id, Map.of(), null, 200, 404));
  }

  /** The policy or role with this name; empty when the agent answers 404. */
  Optional<Map<String, Object>> readByName(AclKind kind, String name) throws ApiException, AclException {
    return optional(api.send("GET", kind.itemPath() + "/name/" + name, Map.of(), null, 200, 404));
  }

  /** The token the request is made with ({@code -token} and its fallbacks). */
  Map<String, Object> readSelfToken() throws ApiException, AclException {
    return object(api.send("GET", AclKind.TOKEN.itemPath() + "/self", Map.of(), null, 200).text());
  }

  void delete(AclKind kind, String id) throws ApiException {
    api.send("DELETE", kind.itemPath() + "/" + id, Map.of(), null, 200);
  }

  List<Map<String, Object>> list(AclKind kind) throws ApiException, AclException {
    Object json = parse(api.send("GET", kind.listPath(), Map.of(), null, 200).text());
    if (!(json instanceof List<?> items)) {
      throw new AclException("unreadable answer: expected a JSON array of " + kind.plural);
    }
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Object item : items) {
      objects.add(object(item));
    }
    return objects;
  }

  /**
   * The full ID an {@code -id} value stands for, as Consul's CLI finds it: a 36-character ID as given, the
   * built-in name ({@code anonymous}, {@code global-management}) as its ID, else the one ID starting with it.
   */
  String resolveId(AclKind kind, String partial) throws ApiException, AclException {
    if (partial.equals(kind.builtinName)) {
      return kind.builtinId;
    }
    if (partial.length() == AclKind.UUID_LENGTH) {
      return partial;
    }
    String found = null;
    for (Map<String, Object> item : list(kind)) {
      String id = AclText.string(item, kind.idField);
      if (id.startsWith(partial)) {
        if (found != null) {
          throw new AclException("Partial " + kind.noun + " ID is not unique");
        }
        found = id;
      }
    }
    if (found == null) {
      throw new AclException("No such " + kind.noun + " ID with prefix: " + partial);
    }
    return found;
  }

  /** The ID of the policy or role with this name. */
  String idByName(AclKind kind, String name) throws ApiException, AclException {
    Optional<Map<String, Object>> found = readByName(kind, name);
    if (found.isEmpty()) {
      throw new AclException("No such " + kind.noun + " with name " + name);
    }
    return AclText.string(found.get(), kind.idField);
  }

  private static Optional<Map<String, Object>> optional(ApiResponse response)
      throws AclException {
    return response.status() == 404 ? Optional.empty() : Optional.of(object(response.text()));
  }

  private static byte[] json(Map<String, Object> body) {
    return Json.writeIndented(body).getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Object> object(String text) throws AclException {
    return object(parse(text));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object json) throws AclException {
    if (!(json instanceof Map<?, ?>)) {
      throw new AclException("unreadable answer: expected a JSON object");
    }
    return (Map<String, Object>) json;
  }

  private static Object parse(String text) throws AclException {
    try {
      return Json.parse(text);
    } catch (JsonException e) {
      throw new AclException("unreadable answer: " + e.getMessage());
    }
  }
}
