package io.cairn.cli.exec;

import io.cairn.cli.Console;
import io.cairn.cli.Daemons;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.cli.lock.LockApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/** One {@code cairn exec} run: session, job upload, event, results, and the cleanup that always follows. */
final class ExecRun {
  private final LockApi api;
  private final ApiClient client;
  private final Console console;
  private final String prefix;
  private final boolean verbose;
  private final AtomicBoolean cleaned = new AtomicBoolean();
  private volatile String session;
  private volatile Thread renewer;
  private volatile Thread results;

  ExecRun(LockApi api, ApiClient client, Console console, String prefix, boolean verbose) {
    this.api = api;
    this.client = client;
    this.console = console;
    this.prefix = prefix;
    this.verbose = verbose;
  }

  int run(byte[] spec, List<Map.Entry<String, String>> filters, Duration wait, Duration replWait) {
    Thread hook = new Thread(this::cleanUp, "cairn-exec-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      try {
        session = api.createSession("Remote Exec", Exec.SESSION_TTL, "delete");
      } catch (ApiException e) {
        console.err().println("Failed to create session: " + e.getMessage());
        return 1;
      }
      renewer = Daemons.start("cairn-exec-renew", this::renew);
      info("Created remote execution session: " + session);
      String dir = prefix + "/" + session;
      try {
        if (!api.acquire(dir + "/job", spec, 0, session)) {
          console.err().println("Failed to create job file: failed to acquire key " + dir + "/job");
          return 1;
        }
      } catch (ApiException e) {
        console.err().println("Failed to create job file: " + e.getMessage());
        return 1;
      }
      info("Uploaded remote execution spec");
      Thread.sleep(Math.max(0, replWait.toMillis())); // a negative Go duration sleeps not at all
      String id;
      try {
        id = client.send("PUT", "/v1/event/fire/_rexec", filters, ExecJob.event(prefix, session), 200).text();
      } catch (ApiException e) {
        console.err().println("Failed to fire event: " + e.getMessage());
        return 1;
      }
      info("Fired remote execution event: " + id);
      BlockingQueue<ExecResults.Reply> replies = new LinkedBlockingQueue<>();
      results = Daemons.start("cairn-exec-results", new ExecResults(api, dir + "/", Exec.goDuration(wait), replies,
          console.err()::println));
      return Exec.collect(replies, wait, console, verbose);
    } catch (InterruptedException e) {
      return 1;
    } finally {
      cleanUp();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run
      }
    }
  }

  private void renew() {
    while (!cleaned.get()) {
      try {
        Thread.sleep(Exec.RENEW_MILLIS);
        if (!api.renewSession(session)) {
          console.err().println("Session renew failed: session " + session + " no longer exists");
          return;
        }
      } catch (InterruptedException e) {
        return;
      } catch (ApiException e) {
        console.err().println("Session renew failed: " + e.getMessage());
        return;
      }
    }
  }

  /**
   * Destroys the session first, so no agent can still acquire a key under it, then deletes the job's data.
   */
  void cleanUp() {
    if (!cleaned.compareAndSet(false, true) || session == null) {
      return;
    }
    Daemons.stop(results);
    Daemons.stop(renewer);
    try {
      api.destroySession(session);
    } catch (ApiException e) {
      console.err().println("Failed to destroy session: " + e.getMessage());
    }
    try {
      api.delete(prefix + "/" + session, true);
    } catch (ApiException e) {
      console.err().println("Failed to delete the job's data: " + e.getMessage());
    }
  }

  private void info(String message) {
    if (verbose) {
      console.out().println(message);
    }
  }
}
