package io.cairn.cli.lock;

import io.cairn.cli.http.ApiException;
import java.util.List;
import java.util.Optional;

/**
 * Consul's lock: {@code <prefix>/.lock} acquired by the session, with flags {@link #FLAGS}. While another session
 * holds it the contender blocks on the key; an acquire refused while the key is free means a lock delay is in
 * force, so it retries after {@link #RETRY_MILLIS}.
 */
final class SingleLock implements Holder {
  /** Flags Consul's locks put on their key, to tell them apart from semaphores. */
  static final long FLAGS = 0x2ddccbc058a50c18L;
  static final long RETRY_MILLIS = 5_000;

  private final LockApi api;
  private final String key;
  private final String session;
  private final int monitorRetries;

  SingleLock(LockApi api, String prefix, String session, int monitorRetries) {
    this.api = api;
    this.key = prefix + "/" + Semaphore.LOCK_KEY;
    this.session = session;
    this.monitorRetries = monitorRetries;
  }

  @Override
  public boolean acquire(long deadlineNanos) throws ApiException, InterruptedException {
    long index = 0;
    while (System.nanoTime() - deadlineNanos < 0) {
      LockApi.Listing read = api.get(key, index, "15s", false);
      Optional<KvPair> pair = first(read.pairs());
      if (pair.isPresent() && pair.get().flags() != FLAGS) {
        throw new ApiException("Existing key does not match lock use");
      }
      if (pair.isPresent() && pair.get().session().equals(session)) {
        return true;
      }
      if (pair.isPresent() && !pair.get().session().isEmpty()) {
        index = read.index();
        continue;
      }
      if (api.acquire(key, new byte[0], FLAGS, session)) {
        return true;
      }
      LockApi.Listing again = api.get(key, 0, "", false);
      Optional<KvPair> now = first(again.pairs());
      if (now.isPresent() && !now.get().session().isEmpty()) {
        index = again.index();
      } else {
        Thread.sleep(RETRY_MILLIS);
        index = 0;
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
        read = api.get(key, index, "", true);
      } catch (ApiException e) {
        if (retries-- <= 0) {
          throw e;
        }
        Thread.sleep(1_000);
        index = 0;
        continue;
      }
      Optional<KvPair> pair = first(read.pairs());
      if (pair.isEmpty() || !pair.get().session().equals(session)) {
        return;
      }
      retries = monitorRetries;
      index = read.index();
    }
  }

  @Override
  public void release() throws ApiException {
    api.release(key, FLAGS, session);
    // Remove the key when nobody else took it meanwhile, as Consul's lock Destroy does.
    Optional<KvPair> pair = first(api.get(key, 0, "", false).pairs());
    if (pair.isPresent() && pair.get().flags() == FLAGS && pair.get().session().isEmpty()) {
      api.deleteIfIndex(key, pair.get().modifyIndex());
    }
  }

  private static Optional<KvPair> first(List<KvPair> pairs) {
    return pairs.isEmpty() ? Optional.empty() : Optional.of(pairs.get(0));
  }
}
