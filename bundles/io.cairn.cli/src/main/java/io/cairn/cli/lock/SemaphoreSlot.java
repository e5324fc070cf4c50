package io.cairn.cli.lock;

import io.cairn.cli.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** One of {@code limit} slots of a Consul semaphore under a prefix (see {@link Semaphore}). */
final class SemaphoreSlot implements Holder {
  private final LockApi api;
  private final String prefix;
  private final String session;
  private final int limit;
  private final int monitorRetries;

  SemaphoreSlot(LockApi api, String prefix, String session, int limit, int monitorRetries) {
    this.api = api;
    this.prefix = prefix;
    this.session = session;
    this.limit = limit;
    this.monitorRetries = monitorRetries;
  }

  @Override
  public boolean acquire(long deadlineNanos) throws ApiException, InterruptedException {
    if (!api.acquire(Semaphore.contenderKey(prefix, session), new byte[0], Semaphore.FLAGS, session)) {
      throw new ApiException("Failed to make contender entry " + Semaphore.contenderKey(prefix, session));
    }
    long index = 0;
    while (System.nanoTime() - deadlineNanos < 0) {
      LockApi.Listing read = api.list(prefix + "/", index, "15s", false);
      Semaphore.Step step = Semaphore.attempt(read.pairs(), prefix, session, limit);
      if (step instanceof Semaphore.Conflict conflict) {
        throw new ApiException(conflict.message());
      }
      if (step instanceof Semaphore.Take take) {
        if (api.checkAndSet(Semaphore.lockKey(prefix), take.lockJson().getBytes(StandardCharsets.UTF_8),
            Semaphore.FLAGS, take.casIndex())) {
          return true;
        }
        // Another contender changed the lock first: read again at once.
        index = 0;
      } else {
        index = read.index();
      }
    }
    return false;
  }

  @Override
  public void awaitLoss() throws ApiException, InterruptedException {
    long index = 0;
    int retries = monitorRetries;
    while (true) {
      LockApi.Listing read;
      try {
        read = api.list(prefix + "/", index, "", true);
      } catch (ApiException e) {
        if (retries-- <= 0) {
          throw e;
        }
        Thread.sleep(1_000);
        index = 0;
        continue;
      }
      if (!Semaphore.holds(read.pairs(), prefix, session, limit)) {
        return;
      }
      retries = monitorRetries;
      index = read.index();
    }
  }

  @Override
  public void release() throws ApiException {
    for (int attempt = 0; attempt < 10; attempt++) {
      LockApi.Listing read = api.list(prefix + "/", 0, "", false);
      Optional<Semaphore.Take> without = Semaphore.release(read.pairs(), prefix, session, limit);
      if (without.isEmpty() || api.checkAndSet(Semaphore.lockKey(prefix),
          without.get().lockJson().getBytes(StandardCharsets.UTF_8), Semaphore.FLAGS, without.get().casIndex())) {
        break;
      }
    }
    api.delete(Semaphore.contenderKey(prefix, session), false);
    // The last holder out removes the lock record, as Consul's semaphore Destroy does.
    Optional<Long> unused = Semaphore.removable(api.list(prefix + "/", 0, "", false).pairs(), prefix, limit);
    if (unused.isPresent()) {
      api.deleteIfIndex(Semaphore.lockKey(prefix), unused.get());
    }
  }
}
