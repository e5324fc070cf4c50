package io.cairn.cli.exec;

import io.cairn.cli.http.ApiException;
import io.cairn.cli.lock.KvPair;
import io.cairn.cli.lock.LockApi;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Follows the keys agents write under {@code <prefix>/<session>/} (blocking on the prefix) and turns each new one
 * into a {@link Reply}: {@code <node>/ack}, {@code <node>/out/<n>} (output, or a heartbeat when empty) and
 * {@code <node>/exit}.
 */
final class ExecResults implements Runnable {

  /** What an agent reported. */
  sealed interface Reply permits Ack, Output, Heartbeat, Exit, Failure {}

  record Ack(String node) implements Reply {}

  record Output(String node, String text) implements Reply {}

  record Heartbeat(String node) implements Reply {}

  record Exit(String node, int code) implements Reply {}

  /** Reading the results failed; the job is abandoned. */
  record Failure(String message) implements Reply {}

  private final LockApi api;
  private final String dir;
  private final String wait;
  private final BlockingQueue<Reply> replies;
  private final Consumer<String> errors;

  ExecResults(LockApi api, String dir, String wait, BlockingQueue<Reply> replies,
      Consumer<String> errors) {
    this.api = api;
    this.dir = dir;
    this.wait = wait;
    this.replies = replies;
    this.errors = errors;
  }

  @Override
  public void run() {
    Set<String> seen = new HashSet<>();
    long index = 0;
    try {
      while (!Thread.currentThread().isInterrupted()) {
        LockApi.KeyListing listing = api.keys(dir, index, wait);
        if (listing.index() == index) {
          continue;
        }
        index = listing.index();
        // Keys come sorted by name, which puts a node's exit before its output; report in the order written.
        List<String> fresh = listing.keys().stream().filter(seen::add)
            .sorted(Comparator.comparingInt(ExecResults::writeOrder)).toList();
        for (String full : fresh) {
          handle(full);
        }
      }
    } catch (ApiException e) {
      if (!Thread.currentThread().isInterrupted()) {
        replies.add(new Failure("Failed to read results: " + e.getMessage()));
      }
    }
  }

  /** Acknowledgements, then output chunks (in their own order), then exit codes. */
  static int writeOrder(String key) {
    return key.endsWith("/ack") ? 0 : key.endsWith("/exit") ? 2 : 1;
  }

  private void handle(String full) throws ApiException {
    String key = full.substring(dir.length());
    if (key.equals("job")) {
      return;
    }
    if (key.endsWith("/ack")) {
      replies.add(new Ack(key.substring(0, key.length() - "/ack".length())));
    } else if (key.endsWith("/exit")) {
      String value = value(full);
      if (value == null) {
        return;
      }
      try {
        replies.add(new Exit(key.substring(0, key.length() - "/exit".length()), Integer.parseInt(value.trim())));
      } catch (NumberFormatException e) {
        errors.accept("Failed to parse exit code '" + value + "': " + e.getMessage());
      }
    } else if (key.lastIndexOf("/out/") >= 0) {
      String node = key.substring(0, key.lastIndexOf("/out/"));
      String value = value(full);
      if (value != null) {
        replies.add(value.isEmpty() ? new Heartbeat(node) : new Output(node, value));
      }
    } else {
      errors.accept("Unknown key '" + key + "', ignoring.");
    }
  }

  private String value(String full) throws ApiException {
    List<KvPair> pairs = api.get(full, 0, "", false).pairs();
    if (pairs.isEmpty()) {
      errors.accept("Failed to read key '" + full + "': not found");
      return null;
    }
    return new String(pairs.get(0).value(), StandardCharsets.UTF_8);
  }
}
