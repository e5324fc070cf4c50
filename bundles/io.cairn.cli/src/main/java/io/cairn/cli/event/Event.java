package io.cairn.cli.event;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.cli.json.Json;
import io.cairn.cli.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code cairn event}: fires a user event ({@code PUT /v1/event/fire/:name}) and prints its ID. */
public final class Event extends ClientCommand {

  @Override
  public String synopsis() {
    return "Fire a new event";
  }

  @Override
  protected String usage() {
    return "Usage: cairn event [options] [payload]\n\n"
        + "  Dispatches a custom user event across the datacenter. Agents whose node and services match the\n"
        + "  filters receive it; watches and handlers can react to it. Name and payload together may take at\n"
        + "  most 512 bytes.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.value("name", "<string>", "Name of the event (required).");
    flags.value("node", "<regexp>", "Regular expression to filter on node names.");
    flags.value("service", "<regexp>", "Regular expression to filter on service instances.");
    flags.value("tag", "<regexp>", "Regular expression to filter on service tags. Must be used with -service.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) {
    String name = flags.string("name", "");
    if (name.isEmpty()) {
      console.err().println("Event name must be specified");
      return 1;
    }
    String node = flags.string("node", "");
    String service = flags.string("service", "");
    String tag = flags.string("tag", "");
    for (String[] filter : new String[][] {{"node", node}, {"service", service}, {"tag", tag}}) {
      String problem = regexProblem(filter[1]);
      if (problem != null) {
        console.err().println("Failed to compile " + filter[0] + " filter regexp: " + problem);
        return 1;
      }
    }
    if (!tag.isEmpty() && service.isEmpty()) {
      console.err().println("Cannot provide tag filter without service filter.");
      return 1;
    }
    List<String> args = flags.positional();
    if (args.size() > 1) {
      console.err().println("Too many command line arguments.");
      return 1;
    }
    byte[] payload = args.isEmpty() ? new byte[0] : args.get(0).getBytes(StandardCharsets.UTF_8);
    List<Map.Entry<String, String>> query = new ArrayList<>();
    if (!node.isEmpty()) {
      query.add(Map.entry("node", node));
    }
    if (!service.isEmpty()) {
      query.add(Map.entry("service", service));
    }
    if (!tag.isEmpty()) {
      query.add(Map.entry("tag", tag));
    }
    String id;
    try {
      api.send("GET", "/v1/agent/self", Map.of(), null, 200);
    } catch (ApiException e) {
      console.err().println("Error querying Cairn agent: " + e.getMessage());
      return 1;
    }
    try {
      String body = api.send("PUT", "/v1/event/fire/" + name, query, payload, 200).text();
      id = (String) ((Map<?, ?>) Json.parse(body)).get("ID");
    } catch (ApiException | JsonException | ClassCastException e) {
      console.err().println("Error firing event: " + e.getMessage());
      return 1;
    }
    console.out().println("Event ID: " + id);
    return 0;
  }

  /** Why {@code filter} is not a valid regular expression, or {@code null} if it is (or is empty). */
  public static String regexProblem(String filter) {
    if (filter.isEmpty()) {
      return null;
    }
    try {
      Pattern.compile(filter);
      return null;
    } catch (PatternSyntaxException e) {
      return e.getDescription() + " in " + filter;
    }
  }
}
