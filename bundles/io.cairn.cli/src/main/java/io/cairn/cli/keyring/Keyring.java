package io.cairn.cli.keyring;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.cli.json.Json;
import io.cairn.cli.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cairn keyring}: lists and rotates the gossip encryption keys of the cluster through
 * {@code /v1/operator/keyring} (GET to list, POST to install, PUT to make primary, DELETE to remove). Exactly one
 * operation per run; exits 1 when the agent reports any failure.
 */
public final class Keyring extends ClientCommand {
  /** Consul's limit on {@code -relay-factor}. */
  static final int MAX_RELAY_FACTOR = 5;
  private static final String PATH = "/v1/operator/keyring";

  /** One change to the keyring: its flag, HTTP method and the line announcing it. */
  private record Change(String flag, String method, String announcement) {}

  private static final List<Change> CHANGES = List.of(
      new Change("install", "POST", "Installing new gossip encryption key..."),
      new Change("use", "PUT", "Changing primary gossip encryption key..."),
      new Change("remove", "DELETE", "Removing gossip encryption key..."));

  @Override
  public String synopsis() {
    return "Manages gossip layer encryption keys";
  }

  @Override
  protected String usage() {
    return "Usage: cairn keyring [options]\n\n"
        + "  Manages the keys that encrypt gossip messages: lists the keys installed across the cluster, installs\n"
        + "  a new one, makes an installed key the primary (the one that encrypts) and removes old ones, which\n"
        + "  together rotate the key without disrupting the cluster. Operations run against the servers and\n"
        + "  change the LAN and WAN keyrings together. Exits 0 when every node replied without error, 1 otherwise.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.value("install", "<key>", "Install a new encryption key, broadcast to every member of the cluster.");
    flags.bool("list", "List all keys currently in use within the cluster.");
    flags.bool("list-primary", "List the primary keys currently in use within the cluster.");
    flags.bool("local-only", "Only ask the servers of the local datacenter (no WAN traffic); list operations "
        + "only.");
    flags.value("relay-factor", "<n>", "Have each node relay its reply through this many randomly chosen other "
        + "nodes, 0 to " + MAX_RELAY_FACTOR + ".");
    flags.value("remove", "<key>", "Remove the given key from the cluster; it may not be the primary key.");
    flags.value("use", "<key>", "Make an installed key the primary one, which encrypts messages.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) throws UsageException {
    if (!flags.positional().isEmpty()) {
      throw new UsageException("Too many arguments (expected 0, got " + flags.positional().size() + ")");
    }
    boolean list = flags.bool("list");
    boolean listPrimary = flags.bool("list-primary");
    long actions = (list ? 1 : 0) + (listPrimary ? 1 : 0)
        + CHANGES.stream().filter(c -> !flags.string(c.flag(), "").isEmpty()).count();
    if (actions == 0) {
      throw new UsageException("Exactly one of -list, -list-primary, -install, -use or -remove is required");
    }
    if (actions > 1) {
      console.err().println("Only a single action is allowed");
      return 1;
    }
    int relayFactor;
    try {
      relayFactor = relayFactor(flags.string("relay-factor", "0"));
    } catch (IllegalArgumentException e) {
      console.err().println("Error parsing relay factor: " + e.getMessage());
      return 1;
    }
    boolean localOnly = flags.bool("local-only");
    if (localOnly && !list && !listPrimary) {
      console.err().println("Error validating local-only: local-only can only be set for list requests");
      return 1;
    }
    Map<String, String> query = new LinkedHashMap<>();
    if (relayFactor != 0) {
      query.put("relay-factor", Integer.toString(relayFactor));
    }
    if (list || listPrimary) {
      if (localOnly) {
        query.put("local-only", "true");
      }
      console.out().println(list ? "==> Gathering installed encryption keys..."
          : "==> Gathering installed primary encryption keys...");
      return list(api, query, listPrimary, console);
    }
    Change change = CHANGES.stream().filter(c -> !flags.string(c.flag(), "").isEmpty()).findFirst().orElseThrow();
    console.out().println("==> " + change.announcement());
    byte[] body = Json.writeIndented(Map.of("Key", flags.string(change.flag(), ""))).getBytes(StandardCharsets.UTF_8);
    try {
      api.send(change.method(), PATH, query, body, 200);
    } catch (ApiException e) {
      console.err().println("error: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  private static int list(ApiClient api, Map<String, String> query, boolean primaryOnly, Console console) {
    List<KeyringResponse> responses;
    try {
      responses = KeyringResponse.parseAll(Json.parse(api.send("GET", PATH, query, null, 200).text()));
    } catch (ApiException e) {
      console.err().println("error: " + e.getMessage());
      return 1;
    } catch (JsonException | IllegalArgumentException e) {
      console.err().println("error: unreadable answer from the agent: " + e.getMessage());
      return 1;
    }
    for (KeyringResponse response : responses) {
      console.out().println(response.format(primaryOnly));
    }
    return 0;
  }

  /** Parses {@code -relay-factor} as Consul checks it: a whole number from 0 to {@value #MAX_RELAY_FACTOR}. */
  static int relayFactor(String text) {
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + text + "\" is not a whole number; Relay factor must be in range: "
          + "[0, " + MAX_RELAY_FACTOR + "]");
    }
    if (value < 0 || value > MAX_RELAY_FACTOR) {
      throw new IllegalArgumentException("Relay factor must be in range: [0, " + MAX_RELAY_FACTOR + "]");
    }
    return value;
  }
}
