package io.cairn.cli.lock;

import io.cairn.cli.http.ApiException;

/** A held (or wanted) lock or semaphore slot under a prefix, for one session. */
interface Holder {

  /**
   * Blocks until held. Returns false when {@code deadlineNanos} (a {@link System#nanoTime()} value, or
   * {@link Long#MAX_VALUE} for none) passes first.
   *
   * @throws ApiException when the agent fails or the prefix holds an incompatible lock
   */
  boolean acquire(long deadlineNanos) throws ApiException, InterruptedException;

  /** Blocks while still held; returns when the hold is lost (session invalidated, key changed). */
  void awaitLoss() throws ApiException, InterruptedException;

  /** Gives the hold up and removes what is no longer needed. Best effort: failures are reported by throwing. */
  void release() throws ApiException;
}
