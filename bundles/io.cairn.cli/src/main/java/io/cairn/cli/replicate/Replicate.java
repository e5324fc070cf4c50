package io.cairn.cli.replicate;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.AgentAddress;
import io.cairn.cli.http.ApiClient;
import io.cairn.replicate.HttpReplicaApi;
import io.cairn.replicate.ReplicatedPrefix;
import io.cairn.replicate.ReplicationSettings;
import io.cairn.replicate.ReplicationStatus;
import io.cairn.replicate.Replicator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code cairn replicate}: consul-replicate on Cairn. Keeps KV prefixes of the agent's datacenter equal to those of
 * another, read through the agent with {@code ?dc=}; one replicator per destination works at a time (the others wait
 * on the session lock), and each prefix's status lets a restarted replicator resume. Runs until SIGINT or SIGTERM
 * (which release the lock), or replicates once with {@code -once}.
 */
public final class Replicate extends ClientCommand {

  @Override
  public String synopsis() {
    return "Replicates KV prefixes from another datacenter (consul-replicate)";
  }

  @Override
  protected String usage() {
    return "Usage: cairn replicate [options] -prefix <source>@<datacenter>[:<destination>]...\n\n"
        + "  Replicates key-value data from a source datacenter to the datacenter of the agent, as consul-replicate\n"
        + "  does: keys written, changed or deleted under the source prefix are mirrored under the destination\n"
        + "  prefix. Several replicators may run for one datacenter; the one holding the lock works.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.value("prefix", "<src@dc[:dst]>", "Source prefix and datacenter, and the destination prefix (by default "
        + "the source's). May be given several times.");
    flags.value("exclude", "<prefix>", "Source key prefix not to replicate. May be given several times.");
    flags.value("lock", "<key>", "Key of the leader lock of the replicators (default \""
        + ReplicationSettings.DEFAULT_LOCK + "\").");
    flags.value("status-dir", "<key>", "Where the replication statuses are kept (default \""
        + ReplicationStatus.DEFAULT_DIR + "\").");
    flags.bool("once", "Replicate once and exit instead of following the source.");
    flags.value("log-level", "<level>", "debug, info, warn (default) or err.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient client, Console console) throws UsageException {
    if (!flags.positional().isEmpty()) {
      throw new UsageException("unexpected argument \"" + flags.positional().get(0) + "\"");
    }
    if (flags.isSet("datacenter")) {
      throw new UsageException("-datacenter: replicate writes to the agent's own datacenter; name the source "
          + "datacenter in -prefix, e.g. -prefix global@dc1");
    }
    ReplicationSettings settings;
    try {
      List<ReplicatedPrefix> prefixes = new ArrayList<>();
      for (String prefix : flags.all("prefix")) {
        prefixes.add(ReplicatedPrefix.parse(prefix));
      }
      settings = new ReplicationSettings(prefixes, flags.all("exclude"),
          flags.string("lock", ReplicationSettings.DEFAULT_LOCK),
          flags.string("status-dir", ReplicationStatus.DEFAULT_DIR));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Replicator replicator = new Replicator(settings, new HttpReplicaApi(AgentAddress.resolve(
        flags.string("http-addr", null), console.env()), client.token(), client.tls()),
        LevelLog.parse(flags.string("log-level", "warn"), console.err()));
    try {
      if (flags.bool("once")) {
        replicator.once();
        return 0;
      }
      return follow(replicator, console);
    } catch (IllegalArgumentException | IOException e) {
      console.err().println("Cairn replicate returned errors:\n" + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  /** Runs until SIGINT or SIGTERM, which stop the replicator and wait for it to release the lock. */
  private static int follow(Replicator replicator, Console console) throws InterruptedException {
    CountDownLatch released = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      console.err().println("Received interrupt, cleaning up...");
      replicator.stop();
      try {
        released.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "cairn-replicate-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      replicator.run();
      return 0;
    } finally {
      released.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run
      }
    }
  }
}
