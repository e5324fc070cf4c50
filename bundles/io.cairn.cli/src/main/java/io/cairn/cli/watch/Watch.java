package io.cairn.cli.watch;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.AgentAddress;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.watch.plan.HttpWatchFetch;
import io.cairn.watch.plan.ScriptHandler;
import io.cairn.watch.plan.WatchHandler;
import io.cairn.watch.plan.WatchJson;
import io.cairn.watch.plan.WatchPlan;
import io.cairn.watch.plan.WatchSpec;
import java.util.List;
import java.util.Map;

/**
 * {@code cairn watch}: watches a view of the data (a key, a prefix, services, nodes, a service's instances,
 * checks, events). Without a handler it prints the current data as indented JSON and exits; with one it runs the
 * handler at once and after every change, the data as JSON on its stdin, until interrupted.
 */
public final class Watch extends ClientCommand {

  @Override
  public String synopsis() {
    return "Watch for changes in Cairn";
  }

  @Override
  protected String usage() {
    return "Usage: cairn watch -type=<type> [options] [child...]\n\n"
        + "  Watches for changes in a given data view. With a child process (the handler) it is run at once and\n"
        + "  whenever the data changes, with the data as JSON on its stdin and CONSUL_INDEX set; without one the\n"
        + "  current data is printed as JSON. Types: key, keyprefix, services, nodes, service, checks, event.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.value("type", "<type>", "The watch type: key, keyprefix, services, nodes, service, checks or event.");
    flags.value("key", "<key>", "The key to watch (type key).");
    flags.value("prefix", "<prefix>", "The key prefix to watch (type keyprefix).");
    flags.value("service", "<service>", "The service to watch (types service and checks).");
    flags.value("tag", "<tag>", "Service tag to filter on (type service); may be given several times.");
    flags.bool("passingonly", "Only instances whose checks all pass (type service).");
    flags.value("state", "<state>", "Check state to filter on: any, passing, warning, critical (type checks).");
    flags.value("name", "<name>", "Event name to filter on (type event).");
    flags.bool("stale", "Allow any server to answer, not only the leader (not for event watches).");
    flags.bool("shell", "Run the handler through /bin/sh -c (default true; -shell=false runs it directly).");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) throws UsageException {
    String type = flags.string("type", "");
    if (type.isEmpty()) {
      console.err().println("Must specify watch type");
      return 1;
    }
    WatchSpec spec = WatchSpec.of(type).withKey(flags.string("key", "")).withPrefix(flags.string("prefix", ""))
        .withService(flags.string("service", "")).withTags(flags.all("tag"))
        .withPassingOnly(flags.bool("passingonly")).withState(flags.string("state", ""))
        .withName(flags.string("name", "")).withDatacenter(flags.string("datacenter", ""))
        .withStale(flags.bool("stale"));
    String token = api.token();
    WatchPlan plan;
    try {
      plan = new WatchPlan(spec.withToken(token), new HttpWatchFetch(
          AgentAddress.resolve(flags.string("http-addr", null), console.env()), token, api.tls()),
          Thread::sleep, console.err()::println);
    } catch (IllegalArgumentException e) {
      console.err().println(e.getMessage());
      return 1;
    }
    try {
      api.send("GET", "/v1/agent/self", Map.of(), null, 200);
    } catch (ApiException e) {
      console.err().println("Error querying Cairn agent: " + e.getMessage());
      return 1;
    }
    List<String> child = flags.positional();
    boolean shell = flags.last("shell").map(Boolean::parseBoolean).orElse(true);
    WatchHandler handler;
    if (child.isEmpty()) {
      handler = (index, data) -> {
        console.out().println(WatchJson.indented(data));
        throw new WatchPlan.StopWatch();
      };
    } else {
      handler = new ScriptHandler(shell ? ScriptHandler.shell(String.join(" ", child)) : child,
          console.out() == System.out ? null : console.out()::println);
    }
    plan.run(handler);
    return 0;
  }
}
