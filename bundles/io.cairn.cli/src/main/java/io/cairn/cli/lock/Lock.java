package io.cairn.cli.lock;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.AgentAddress;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.go.lang.GoDuration;
import io.cairn.watch.plan.HttpWatchFetch;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * {@code cairn lock}: runs a command while holding a lock ({@code <prefix>/.lock}) or, with {@code -n}, one of N
 * semaphore slots under the prefix, as {@code consul lock} does. The hold belongs to a session with a TTL kept
 * alive while the command runs; the command is stopped if the hold is lost. On exit (the command's end, SIGINT,
 * SIGTERM) the hold is released and the session destroyed. Exits with the command's exit code.
 */
public final class Lock extends ClientCommand {
  static final String SESSION_TTL = "15s";
  static final long RENEW_MILLIS = 7_500;

  @Override
  public String synopsis() {
    return "Execute a command holding a lock";
  }

  @Override
  protected String usage() {
    return "Usage: cairn lock [options] prefix child...\n\n"
        + "  Acquires a lock or semaphore at the KV prefix and runs the child process while holding it. The child\n"
        + "  is stopped if the lock is lost; the lock is released when the child exits. With -n above 1 up to n\n"
        + "  holders run at once (a semaphore).";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.value("n", "<int>", "Maximum number of holders at once (default 1: a lock; more: a semaphore).");
    flags.value("name", "<string>", "Name of the session holding the lock.");
    flags.value("timeout", "<duration>", "Maximum time to wait for the lock, e.g. 30s (default: no limit).");
    flags.value("monitor-retry", "<int>", "Retries when the agent fails while the lock is monitored (default 3).");
    flags.bool("pass-stdin", "Pass stdin to the child process.");
    flags.bool("shell", "Run the child through /bin/sh -c (default true).");
    flags.bool("verbose", "Report each step.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient client, Console console) throws UsageException {
    List<String> args = flags.positional();
    if (args.size() < 2) {
      console.err().println("Key prefix and child command must be specified");
      return 1;
    }
    String prefix = args.get(0).replaceAll("^/+|/+$", "");
    if (prefix.isEmpty()) {
      console.err().println("Key prefix must not be empty");
      return 1;
    }
    List<String> child = args.subList(1, args.size());
    String script = String.join(" ", child);
    int limit = (int) flags.unsigned("n", 1);
    int monitorRetries = (int) flags.unsigned("monitor-retry", 3);
    if (limit < 1) {
      console.err().println("Lock holder limit must be positive");
      return 1;
    }
    Duration timeout;
    try {
      timeout = GoDuration.parse(flags.string("timeout", "0"));
    } catch (IllegalArgumentException e) {
      console.err().println("Invalid -timeout: " + e.getMessage());
      return 1;
    }
    String name = flags.string("name", "Cairn lock for " + script + " at " + prefix);
    boolean verbose = flags.bool("verbose");
    LockApi api = new LockApi(client, new HttpWatchFetch(AgentAddress.resolve(flags.string("http-addr", null),
        console.env()), client.token(), client.tls()), flags.string("datacenter", ""));

    String session;
    try {
      session = api.createSession(name, SESSION_TTL, "");
    } catch (ApiException e) {
      console.err().println("Lock acquisition failed: failed to create session: " + e.getMessage());
      return 1;
    }
    Holder holder = limit == 1 ? new SingleLock(api, prefix, session, monitorRetries)
        : new SemaphoreSlot(api, prefix, session, limit, monitorRetries);
    LockRun run = new LockRun(api, holder, session, console, verbose);
    Thread hook = new Thread(run::cleanUp, "cairn-lock-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      // As in Consul, only a positive timeout limits the wait.
      long deadline = timeout.isZero() || timeout.isNegative() ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
      return run.run(deadline, flags.last("shell").map(Boolean::parseBoolean).orElse(true)
          ? List.of("/bin/sh", "-c", script) : child, flags.bool("pass-stdin"));
    } catch (IOException e) {
      console.err().println("Error running handler: " + e.getMessage());
      return 1;
    } finally {
      run.cleanUp();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run
      }
    }
  }
}
