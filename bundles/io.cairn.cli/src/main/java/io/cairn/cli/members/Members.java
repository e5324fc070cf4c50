package io.cairn.cli.members;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Columns;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.cli.json.Json;
import io.cairn.cli.json.JsonException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * {@code cairn members}: the cluster members the agent knows, servers first, as Consul prints them; {@code -filter}
 * is evaluated by the agent ({@code ?filter=}), {@code -status} here. Exits 2 when no member matches.
 */
public final class Members extends ClientCommand {
  private static final String[] STATUS = {"none", "alive", "leaving", "left", "failed"};
  /** The segment name that asks for the members of every segment. */
  static final String ALL_SEGMENTS = "_all";

  /** One member with the tags the table shows; {@code tags} already carries the defaults Consul fills in. */
  record Member(String name, String address, int port, int status, Map<String, String> tags) {

    boolean server() {
      return "consul".equals(tags.get("role"));
    }

    String statusText() {
      return status >= 0 && status < STATUS.length ? STATUS[status] : "unknown";
    }

    /** {@code ip:port}, IPv6 in brackets, as Go's {@code net.TCPAddr} prints it. */
    String endpoint() {
      return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }
  }

  @Override
  public String synopsis() {
    return "Lists the members of a Cairn cluster";
  }

  @Override
  protected String usage() {
    return "Usage: cairn members [options]\n\n  Lists the members of the cluster the agent belongs to.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.bool("detailed", "Show every tag of each member.");
    flags.value("status", "<regexp>", "Only members whose status (alive, leaving, left, failed) matches.");
    flags.bool("wan", "List the servers of the WAN pool instead.");
    flags.value("segment", "<name>", "Only members of this network segment; " + ALL_SEGMENTS + " (the default) "
        + "lists every segment.");
    flags.value("filter", "<expression>", "Expression to use for filtering the results, e.g. -filter='Tags[\"dc\"] "
        + "== dc2', evaluated by the agent on each member.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) {
    Pattern status;
    try {
      status = Pattern.compile(flags.string("status", ".*"));
    } catch (PatternSyntaxException e) {
      console.err().println("Failed to compile status regexp: " + e.getDescription());
      return 1;
    }
    String segment = flags.string("segment", ALL_SEGMENTS);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("segment", segment);
    if (flags.bool("wan")) {
      query.put("wan", "1");
    }
    String filter = flags.string("filter", "");
    if (!filter.isEmpty()) {
      query.put("filter", filter);
    }
    List<Member> members;
    try {
      members = parse(Json.parse(api.send("GET", "/v1/agent/members", query, null, 200).text()),
          segment.equals(ALL_SEGMENTS));
    } catch (ApiException e) {
      console.err().println("Error retrieving members: " + e.getMessage());
      return 1;
    } catch (JsonException | RuntimeException e) {
      console.err().println("Error retrieving members: unreadable answer: " + e.getMessage());
      return 1;
    }
    members.removeIf(m -> !status.matcher(m.statusText()).find());
    if (members.isEmpty()) {
      return 2;
    }
    console.out().print(flags.bool("detailed") ? detailed(members) : standard(members));
    return 0;
  }

  /**
   * Reads {@code /v1/agent/members}, filling in partition and segment as Consul's CLI does for one partition:
   * servers belong to {@code <all>} segments when every segment was asked for, members without a segment to
   * {@code <default>}.
   */
  static List<Member> parse(Object json, boolean allSegments) {
    if (!(json instanceof List<?> items)) {
      throw new IllegalArgumentException("expected a JSON array of members");
    }
    List<Member> members = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> object)) {
        throw new IllegalArgumentException("expected a JSON object per member");
      }
      Map<String, String> tags = new TreeMap<>();
      if (object.get("Tags") instanceof Map<?, ?> given) {
        given.forEach((k, v) -> tags.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
      }
      tags.putIfAbsent("ap", "");
      if (tags.get("ap").isEmpty()) {
        tags.put("ap", "default");
      }
      if (allSegments && "consul".equals(tags.get("role"))) {
        tags.put("segment", "<all>");
      } else if (tags.getOrDefault("segment", "").isEmpty()) {
        tags.put("segment", "<default>");
      }
      members.add(new Member(text(object.get("Name")), text(object.get("Addr")), number(object.get("Port")),
          number(object.get("Status")), tags));
    }
    members.sort(Comparator.comparing((Member m) -> !m.server())
        .thenComparing(m -> m.tags().get("segment")).thenComparing(Member::name));
    return members;
  }

  static String standard(List<Member> members) {
    Columns table = new Columns().row("Node", "Address", "Status", "Type", "Build", "Protocol", "DC", "Partition",
        "Segment");
    for (Member m : members) {
      String role = m.tags().getOrDefault("role", "");
      if (!role.equals("consul") && !role.equals("node")) {
        table.row(m.name(), m.endpoint(), m.statusText(), "unknown", "", "", "", "", "");
        continue;
      }
      String build = m.tags().getOrDefault("build", "");
      build = build.isEmpty() ? "< 0.3" : build.contains(":") ? build.substring(0, build.indexOf(':')) : build;
      table.row(m.name(), m.endpoint(), m.statusText(), m.server() ? "server" : "client", build,
          m.tags().getOrDefault("vsn", ""), m.tags().getOrDefault("dc", ""), m.tags().get("ap"),
          m.tags().get("segment"));
    }
    return table.format();
  }

  static String detailed(List<Member> members) {
    Columns table = new Columns().row("Node", "Address", "Status", "Tags");
    for (Member m : members) {
      String tags = m.tags().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(","));
      table.row(m.name(), m.endpoint(), m.statusText(), tags);
    }
    return table.format();
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  private static int number(Object value) {
    return value instanceof BigDecimal number ? number.intValue() : 0;
  }
}
