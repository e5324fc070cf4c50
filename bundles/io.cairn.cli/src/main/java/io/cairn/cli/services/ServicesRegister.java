package io.cairn.cli.services;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.cli.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cairn services register}: registers services with the local agent, from service-definition files or
 * from flags. With files, flags fill in what a file leaves out (meta and tagged addresses are merged, tags
 * appended).
 */
public final class ServicesRegister extends ClientCommand {
  private static final Pattern HOST_PORT = Pattern.compile("\\[(.*)]:(\\d+)|([^:]*):(\\d+)");

  @Override
  public String synopsis() {
    return "Register services with the local agent";
  }

  @Override
  protected String usage() {
    return "Usage: cairn services register [options] [FILE...]\n\n"
        + "  Registers the services defined in FILEs (Consul service definitions: a top-level \"service\" object\n"
        + "  or \"services\" array), or the one described by -name and the other flags.\n\n"
        + "      $ cairn services register web.json\n"
        + "      $ cairn services register -name=web -port=8080 -tag=v1";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.value("address", "<addr>", "Address of the service (default: the node's address).");
    flags.value("id", "<id>", "ID of the service (default: the name).");
    flags.value("meta", "<key=value>", "Metadata to set on the service. Repeatable.");
    flags.value("name", "<name>", "Name of the service, to register without a file.");
    flags.value("port", "<port>", "Port of the service.");
    flags.value("tag", "<tag>", "Tag to add to the service. Repeatable.");
    flags.value("tagged-address", "<name=addr:port>", "Tagged address of the service. Repeatable.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) throws UsageException {
    Map<String, Object> fromFlags = fromFlags(flags);
    List<String> files = flags.positional();
    if (files.isEmpty() && !fromFlags.containsKey("Name")) {
      console.err().println("Service registration requires at least one argument or flags.");
      return 1;
    }
    if (!files.isEmpty() && fromFlags.containsKey("Name")) {
      console.err().println("Service registration takes FILE arguments or -name, not both.");
      return 1;
    }
    List<Map<String, Object>> bodies = new ArrayList<>();
    if (files.isEmpty()) {
      bodies.add(fromFlags);
    } else {
      try {
        for (ServiceFiles.Definition definition : ServiceFiles.read(files)) {
          bodies.add(combine(definition.body(), fromFlags));
        }
      } catch (ServiceFiles.DefinitionException e) {
        console.err().println("Error: " + e.getMessage());
        return 1;
      }
    }
    for (Map<String, Object> body : bodies) {
      String name = String.valueOf(body.get("Name"));
      try {
        api.send("PUT", "/v1/agent/service/register", Map.of(),
            Json.writeIndented(body).getBytes(StandardCharsets.UTF_8), 200);
      } catch (ApiException e) {
        console.err().println("Error registering service \"" + name + "\": " + e.getMessage());
        return 1;
      }
      console.out().println("Registered service: " + name);
    }
    return 0;
  }

  /** The API body the flags describe, with only the fields that were given. */
  static Map<String, Object> fromFlags(ParsedFlags flags) throws UsageException {
    Map<String, Object> body = new LinkedHashMap<>();
    flags.last("id").ifPresent(id -> body.put("ID", id));
    flags.last("name").ifPresent(name -> body.put("Name", name));
    if (!flags.all("tag").isEmpty()) {
      body.put("Tags", new ArrayList<Object>(flags.all("tag")));
    }
    flags.last("address").ifPresent(address -> body.put("Address", address));
    if (flags.isSet("port")) {
      body.put("Port", new BigDecimal(port(flags.string("port", ""), "-port")));
    }
    if (!flags.all("meta").isEmpty()) {
      body.put("Meta", new LinkedHashMap<String, Object>(flags.keyValues("meta")));
    }
    Map<String, Object> tagged = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : flags.keyValues("tagged-address").entrySet()) {
      Map<String, Object> address = new LinkedHashMap<>();
      Matcher m = HOST_PORT.matcher(entry.getValue());
      if (m.matches()) {
        address.put("Address", m.group(1) != null ? m.group(1) : m.group(3));
        address.put("Port", new BigDecimal(port(m.group(1) != null ? m.group(2) : m.group(4), "-tagged-address")));
      } else {
        address.put("Address", entry.getValue());
      }
      tagged.put(entry.getKey(), address);
    }
    if (!tagged.isEmpty()) {
      body.put("TaggedAddresses", tagged);
    }
    return body;
  }

  /** A file's definition with the flags' values added where the file has none. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> combine(Map<String, Object> file, Map<String, Object> flags) {
    Map<String, Object> body = new LinkedHashMap<>(file);
    for (String field : List.of("ID", "Address", "Port")) {
      if (flags.containsKey(field) && isEmpty(body.get(field))) {
        body.put(field, flags.get(field));
      }
    }
    for (String field : List.of("Meta", "TaggedAddresses")) {
      if (flags.containsKey(field)) {
        Map<String, Object> merged = body.get(field) instanceof Map<?, ?> given
            ? new LinkedHashMap<>((Map<String, Object>) given) : new LinkedHashMap<>();
        merged.putAll((Map<String, Object>) flags.get(field));
        body.put(field, merged);
      }
    }
    if (flags.containsKey("Tags")) {
      List<Object> tags = body.get("Tags") instanceof List<?> given ? new ArrayList<>(given) : new ArrayList<>();
      tags.addAll((List<?>) flags.get("Tags"));
      body.put("Tags", tags);
    }
    return body;
  }

  private static boolean isEmpty(Object value) {
    return value == null || "".equals(value) || (value instanceof BigDecimal n && n.signum() == 0);
  }

  private static int port(String text, String flag) throws UsageException {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("invalid port \"" + text + "\" for flag " + flag + ": expected 0 to 65535");
  }
}
