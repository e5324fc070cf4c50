package io.cairn.cli.lock;

import io.cairn.cli.json.Json;
import io.cairn.cli.json.JsonException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Consul's semaphore layout under a prefix, as plain decisions: each contender holds a key
 * {@code <prefix>/<session>} with its session; {@code <prefix>/.lock} (flags {@link #FLAGS}) holds
 * {@code {"Limit":N,"Holders":{"<session>":true,...}}}, changed only by check-and-set. Holders whose contender
 * key lost its session are dead and pruned whenever the lock is rewritten.
 */
public final class Semaphore {
  /** Flags Consul's semaphores put on their keys, to tell them apart from single-holder locks. */
  public static final long FLAGS = 0xe0f69a2baa414de0L;
  static final String LOCK_KEY = ".lock";

  /** The lock record: the agreed limit and the sessions holding a slot. */
  record State(int limit, Set<String> holders, long modifyIndex) {}

  /** What a contender does next. */
  sealed interface Step permits Take, Wait, Conflict {}

  /** Write {@code lockJson} to the lock key with {@code ?cas=casIndex} (0: create). */
  record Take(String lockJson, long casIndex) implements Step {}

  /** Every slot is taken by a live holder: block on the prefix and try again. */
  record Wait() implements Step {}

  /** The prefix is not a compatible semaphore. */
  record Conflict(String message) implements Step {}

  private Semaphore() {}

  static String lockKey(String prefix) {
    return prefix + "/" + LOCK_KEY;
  }

  static String contenderKey(String prefix, String session) {
    return prefix + "/" + session;
  }

  /** The next step for {@code session} wanting one of {@code limit} slots, given the pairs under the prefix. */
  static Step attempt(List<KvPair> pairs, String prefix, String session, int limit) {
    Optional<KvPair> lockPair = find(pairs, prefix);
    if (lockPair.isPresent() && lockPair.get().flags() != FLAGS) {
      return new Conflict("Existing key does not match semaphore use");
    }
    State state;
    try {
      state = decode(lockPair, limit);
    } catch (JsonException | ClassCastException e) {
      return new Conflict("Failed to read the semaphore lock " + lockKey(prefix) + ": " + e.getMessage());
    }
    if (state.limit() != limit) {
      return new Conflict("Semaphore limit conflict (lock: " + state.limit() + ", local: " + limit + ")");
    }
    Set<String> live = liveHolders(state, pairs);
    if (live.contains(session)) {
      return new Take(encode(limit, live), state.modifyIndex());
    }
    if (live.size() >= limit) {
      return new Wait();
    }
    live.add(session);
    return new Take(encode(limit, live), state.modifyIndex());
  }

  /** Whether {@code session} still holds a slot: it is a holder and its contender key still has its session. */
  static boolean holds(List<KvPair> pairs, String prefix, String session, int limit) {
    try {
      return liveHolders(decode(find(pairs, prefix), limit), pairs).contains(session);
    } catch (JsonException | ClassCastException e) {
      return false;
    }
  }

  /** The lock without {@code session}, to write with {@code ?cas}; empty if it is not a holder. */
  static Optional<Take> release(List<KvPair> pairs, String prefix, String session, int limit) {
    State state;
    try {
      state = decode(find(pairs, prefix), limit);
    } catch (JsonException | ClassCastException e) {
      return Optional.empty();
    }
    if (!state.holders().contains(session)) {
      return Optional.empty();
    }
    Set<String> rest = new TreeSet<>(state.holders());
    rest.remove(session);
    return Optional.of(new Take(encode(state.limit(), rest), state.modifyIndex()));
  }

  /**
   * The lock key's modify index when it can be deleted: it is a semaphore lock and no live holder is left.
   * Empty otherwise (absent, in use, or not a semaphore).
   */
  static Optional<Long> removable(List<KvPair> pairs, String prefix, int limit) {
    Optional<KvPair> lockPair = find(pairs, prefix);
    if (lockPair.isEmpty() || lockPair.get().flags() != FLAGS) {
      return Optional.empty();
    }
    try {
      return liveHolders(decode(lockPair, limit), pairs).isEmpty() ? Optional.of(lockPair.get().modifyIndex())
          : Optional.empty();
    } catch (JsonException | ClassCastException e) {
      return Optional.empty();
    }
  }

  private static Optional<KvPair> find(List<KvPair> pairs, String prefix) {
    String key = lockKey(prefix);
    return pairs.stream().filter(p -> p.key().equals(key)).findFirst();
  }

  private static State decode(Optional<KvPair> pair, int limit) throws JsonException {
    if (pair.isEmpty() || pair.get().value().length == 0) {
      return new State(limit, new TreeSet<>(), pair.map(KvPair::modifyIndex).orElse(0L));
    }
    Map<?, ?> lock = (Map<?, ?>) Json.parse(new String(pair.get().value(), StandardCharsets.UTF_8));
    Set<String> holders = new TreeSet<>();
    Object listed = lock.get("Holders");
    if (listed instanceof Map<?, ?> map) {
      map.forEach((session, held) -> {
        if (Boolean.TRUE.equals(held)) {
          holders.add((String) session);
        }
      });
    }
    int agreed = lock.get("Limit") instanceof BigDecimal n ? n.intValue() : 0;
    return new State(agreed, holders, pair.get().modifyIndex());
  }

  /** Holders whose contender key still carries a session; the others died (session invalidated). */
  private static Set<String> liveHolders(State state, List<KvPair> pairs) {
    Set<String> alive = new TreeSet<>();
    for (KvPair pair : pairs) {
      if (!pair.session().isEmpty()) {
        alive.add(pair.session());
      }
    }
    Set<String> live = new TreeSet<>(state.holders());
    live.retainAll(alive);
    return live;
  }

  static String encode(int limit, Set<String> holders) {
    StringBuilder out = new StringBuilder("{\"Limit\":").append(limit).append(",\"Holders\":{");
    boolean first = true;
    for (String holder : new TreeSet<>(holders)) {
      out.append(first ? "" : ",").append('"').append(holder).append("\":true");
      first = false;
    }
    return out.append("}}").toString();
  }
}
