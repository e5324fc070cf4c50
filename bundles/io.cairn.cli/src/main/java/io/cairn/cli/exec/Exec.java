package io.cairn.cli.exec;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.event.Event;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.AgentAddress;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.cli.lock.LockApi;
import io.cairn.go.lang.GoDuration;
import io.cairn.watch.plan.HttpWatchFetch;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code cairn exec}: runs a command on the agents whose node and services match the filters, as
 * {@code consul exec} does: the job goes to {@code <prefix>/<session>/job}, a {@code _rexec} event names the
 * session, agents with remote exec enabled acknowledge, stream output and report their exit code under
 * {@code <prefix>/<session>/<node>/}; when nobody has said anything for {@code -wait} the run ends, the data
 * is deleted and the session destroyed.
 */
public final class Exec extends ClientCommand {
  static final String SESSION_TTL = "15s";
  static final long RENEW_MILLIS = 5_000;

  @Override
  public String synopsis() {
    return "Executes a command on Cairn nodes";
  }

  @Override
  protected String usage() {
    return "Usage: cairn exec [options] [-|command...]\n\n"
        + "  Evaluates a command on remote Cairn nodes. The nodes responding can be filtered using regular\n"
        + "  expressions on node name, service, and tag definitions. If a command is '-', stdin will be read\n"
        + "  until EOF and used as a script input. Agents run commands only with disable_remote_exec=false.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.value("node", "<regexp>", "Regular expression to filter on node names.");
    flags.value("service", "<regexp>", "Regular expression to filter on service instances.");
    flags.value("tag", "<regexp>", "Regular expression to filter on service tags. Must be used with -service.");
    flags.value("prefix", "<prefix>", "Prefix in the KV store to use for request data (default _rexec).");
    flags.bool("shell", "Use a shell to run the command (default true).");
    flags.value("wait", "<duration>", "Period to wait with no responses before terminating execution (default 2s).");
    flags.value("wait-repl", "<duration>", "Period to wait for replication before firing the event (default 200ms).");
    flags.bool("verbose", "Enables verbose output.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient client, Console console) throws UsageException {
    boolean shell = flags.last("shell").map(Boolean::parseBoolean).orElse(true);
    String command = String.join(" ", flags.positional());
    List<String> args = List.of();
    byte[] script = new byte[0];
    if (command.equals("-")) {
      if (!shell) {
        console.err().println("Cannot configure -shell=false when reading from stdin");
        return 1;
      }
      command = "";
      try {
        script = console.in().readAllBytes();
      } catch (IOException e) {
        console.err().println("Failed to read stdin: " + e.getMessage());
        return 1;
      }
    } else if (!shell) {
      command = "";
      args = flags.positional();
    }
    if (command.isEmpty() && script.length == 0 && args.isEmpty()) {
      throw new UsageException("Must specify a command to execute");
    }
    String node = flags.string("node", "");
    String service = flags.string("service", "");
    String tag = flags.string("tag", "");
    for (String[] filter : new String[][] {{"node", node}, {"service", service}, {"tag", tag}}) {
      String problem = Event.regexProblem(filter[1]);
      if (problem != null) {
        console.err().println("Failed to compile " + filter[0] + " filter regexp: " + problem);
        return 1;
      }
    }
    if (!tag.isEmpty() && service.isEmpty()) {
      console.err().println("Cannot provide tag filter without service filter.");
      return 1;
    }
    Duration wait;
    Duration replWait;
    try {
      wait = GoDuration.parse(flags.string("wait", "2s"));
      replWait = GoDuration.parse(flags.string("wait-repl", "200ms"));
    } catch (IllegalArgumentException e) {
      console.err().println(e.getMessage());
      return 1;
    }
    String prefix = flags.string("prefix", "_rexec").replaceAll("^/+|/+$", "");
    try {
      client.send("GET", "/v1/agent/self", Map.of(), null, 200);
    } catch (ApiException e) {
      console.err().println("Error querying Cairn agent: " + e.getMessage());
      return 1;
    }
    LockApi api = new LockApi(client, new HttpWatchFetch(AgentAddress.resolve(flags.string("http-addr", null),
        console.env()), client.token(), client.tls()), flags.string("datacenter", ""));
    ExecRun run = new ExecRun(api, client, console, prefix, flags.bool("verbose"));
    return run.run(ExecJob.spec(command, args, script, wait), filters(node, service, tag), wait, replWait);
  }

  private static List<Map.Entry<String, String>> filters(String node, String service, String tag) {
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
    return query;
  }

  /** Go's rendering of a duration for {@code ?wait=}: milliseconds are accepted everywhere. */
  static String goDuration(Duration duration) {
    return Math.max(1, duration.toMillis()) + "ms";
  }

  /** Reads replies until {@code wait} passes without one (twice that while acknowledged nodes still run). */
  static int collect(BlockingQueue<ExecResults.Reply> replies, Duration wait, Console console, boolean verbose)
      throws InterruptedException {
    int acks = 0;
    int exits = 0;
    int badExits = 0;
    while (true) {
      long waitMillis = wait.toMillis() * (acks > exits ? 2 : 1);
      ExecResults.Reply reply = replies.poll(waitMillis, TimeUnit.MILLISECONDS);
      if (reply == null) {
        console.out().println(exits + " / " + acks + " node(s) completed / acknowledged");
        if (exits < acks) {
          badExits++;
        }
        return badExits > 0 ? 2 : 0;
      }
      if (reply instanceof ExecResults.Ack ack) {
        acks++;
        if (verbose) {
          console.out().println(prefixed(true, ack.node(), "acknowledged"));
        }
      } else if (reply instanceof ExecResults.Heartbeat heartbeat) {
        if (verbose) {
          console.out().println(prefixed(true, heartbeat.node(), "heartbeat received"));
        }
      } else if (reply instanceof ExecResults.Output output) {
        console.out().println(prefixed(false, output.node(), output.text()));
      } else if (reply instanceof ExecResults.Exit exit) {
        exits++;
        console.out().println(prefixed(true, exit.node(), "finished with exit code " + exit.code()));
        if (exit.code() != 0) {
          badExits++;
        }
      } else if (reply instanceof ExecResults.Failure failure) {
        console.err().println(failure.message());
        return 1;
      }
    }
  }

  /** Every line of {@code text} as {@code ==> node: line} (info) or {@code     node: line} (output). */
  static String prefixed(boolean arrow, String node, String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      out.append(arrow ? "==>" : "   ").append(' ').append(node).append(": ").append(line).append('\n');
    }
    return out.toString().stripTrailing();
  }
}
