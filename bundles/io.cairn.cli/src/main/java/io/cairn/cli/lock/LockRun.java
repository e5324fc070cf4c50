package io.cairn.cli.lock;

import io.cairn.cli.Console;
import io.cairn.cli.Daemons;
import io.cairn.cli.http.ApiException;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@code cairn lock} run: acquire, run the child while a renewer keeps the session alive and a monitor
 * watches the hold, stop the child when the hold is lost, and clean up exactly once (also from a shutdown hook).
 */
final class LockRun {
  private final LockApi api;
  private final Holder holder;
  private final String session;
  private final Console console;
  private final boolean verbose;
  private final AtomicBoolean cleaned = new AtomicBoolean();
  private volatile boolean acquired;
  private volatile boolean finished;
  private volatile Process child;
  private volatile Thread renewer;
  private volatile Thread monitor;

  LockRun(LockApi api, Holder holder, String session, Console console, boolean verbose) {
    this.api = api;
    this.holder = holder;
    this.session = session;
    this.console = console;
    this.verbose = verbose;
  }

  /** Acquires, runs the child and returns its exit code (1 if the lock could not be had). */
  int run(long deadlineNanos, List<String> command, boolean passStdin) throws IOException {
    renewer = Daemons.start("cairn-lock-renew", this::renew);
    try {
      if (!holder.acquire(deadlineNanos)) {
        console.err().println("Shutdown triggered or timeout during lock acquisition");
        return 1;
      }
    } catch (ApiException e) {
      console.err().println("Lock acquisition failed: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      console.err().println("Shutdown triggered or timeout during lock acquisition");
      return 1;
    }
    acquired = true;
    verbose("Lock acquired");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .redirectInput(passStdin ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.from(new File("/dev/null")));
    child = builder.start();
    monitor = Daemons.start("cairn-lock-monitor", this::watchHold);
    while (true) {
      try {
        int code = child.waitFor();
        finished = true;
        verbose("Child exited with " + code);
        return code;
      } catch (InterruptedException e) {
        // keep waiting for the child; cleanup stops it
      }
    }
  }

  private void watchHold() {
    try {
      holder.awaitLoss();
    } catch (ApiException e) {
      console.err().println("Lock monitoring failed: " + e.getMessage());
    } catch (InterruptedException e) {
      return;
    }
    lost();
  }

  private void renew() {
    while (!cleaned.get()) {
      try {
        Thread.sleep(Lock.RENEW_MILLIS);
        if (!api.renewSession(session)) {
          lost();
          return;
        }
      } catch (InterruptedException e) {
        return;
      } catch (ApiException e) {
        console.err().println("Session renew failed: " + e.getMessage());
      }
    }
  }

  private void lost() {
    if (!finished && !cleaned.get() && child != null) {
      console.err().println("Lock lost, killing child");
      stopChild();
    }
  }

  private void stopChild() {
    Process process = child;
    if (process == null || !process.isAlive()) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
    }
  }

  /** Stops the child if still running, releases the hold and destroys the session; runs once. */
  void cleanUp() {
    if (!cleaned.compareAndSet(false, true)) {
      return;
    }
    Daemons.stop(monitor);
    Daemons.stop(renewer);
    stopChild();
    try {
      // Also when not acquired: a semaphore contender key is removed either way.
      holder.release();
      if (acquired) {
        verbose("Lock released");
      }
    } catch (ApiException e) {
      console.err().println("Lock release failed: " + e.getMessage());
    }
    try {
      api.destroySession(session);
    } catch (ApiException e) {
      console.err().println("Session destroy failed: " + e.getMessage());
    }
  }

  private void verbose(String message) {
    if (verbose) {
      console.out().println(message);
    }
  }
}
