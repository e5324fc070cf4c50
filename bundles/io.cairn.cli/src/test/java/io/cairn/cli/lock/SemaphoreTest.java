package io.cairn.cli.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SemaphoreTest {
  private static final String P = "service/web";

  private static KvPair contender(String session) {
    return new KvPair(P + "/" + session, new byte[0], Semaphore.FLAGS, session, 3);
  }

  private static KvPair deadContender(String session) {
    return new KvPair(P + "/" + session, new byte[0], Semaphore.FLAGS, "", 3);
  }

  private static KvPair lock(String json, long index) {
    return new KvPair(P + "/.lock", json.getBytes(StandardCharsets.UTF_8), Semaphore.FLAGS, "", index);
  }

  @Test
  void firstContenderCreatesTheLockWithCasZero() {
    Semaphore.Step step = Semaphore.attempt(List.of(contender("a")), P, "a", 2);
    assertEquals(new Semaphore.Take("{\"Limit\":2,\"Holders\":{\"a\":true}}", 0), step);
  }

  @Test
  void joinsWhileSlotsAreFreeAndWaitsWhenFull() {
    List<KvPair> one = List.of(contender("a"), contender("b"), lock("{\"Limit\":2,\"Holders\":{\"a\":true}}", 9));
    assertEquals(new Semaphore.Take("{\"Limit\":2,\"Holders\":{\"a\":true,\"b\":true}}", 9),
        Semaphore.attempt(one, P, "b", 2));
    List<KvPair> full = List.of(contender("a"), contender("b"), contender("c"),
        lock("{\"Limit\":2,\"Holders\":{\"a\":true,\"b\":true}}", 11));
    assertInstanceOf(Semaphore.Wait.class, Semaphore.attempt(full, P, "c", 2));
  }

  @Test
  void deadHoldersArePrunedSoTheirSlotsFreeUp() {
    List<KvPair> pairs = List.of(deadContender("a"), contender("b"), contender("c"),
        lock("{\"Limit\":2,\"Holders\":{\"a\":true,\"b\":true}}", 11));
    assertEquals(new Semaphore.Take("{\"Limit\":2,\"Holders\":{\"b\":true,\"c\":true}}", 11),
        Semaphore.attempt(pairs, P, "c", 2));
  }

  @Test
  void conflictsAreReportedWithConsulsWording() {
    List<KvPair> otherLimit = List.of(contender("a"), lock("{\"Limit\":3,\"Holders\":{}}", 4));
    assertEquals(new Semaphore.Conflict("Semaphore limit conflict (lock: 3, local: 2)"),
        Semaphore.attempt(otherLimit, P, "a", 2));
    List<KvPair> plainLock = List.of(new KvPair(P + "/.lock", new byte[0], 0x2ddccbc058a50c18L, "x", 4));
    assertInstanceOf(Semaphore.Conflict.class, Semaphore.attempt(plainLock, P, "a", 2));
  }

  @Test
  void holdsOnlyWhileListedAndAlive() {
    String json = "{\"Limit\":2,\"Holders\":{\"a\":true}}";
    assertTrue(Semaphore.holds(List.of(contender("a"), lock(json, 5)), P, "a", 2));
    assertFalse(Semaphore.holds(List.of(deadContender("a"), lock(json, 5)), P, "a", 2));
    assertFalse(Semaphore.holds(List.of(contender("a"), lock("{\"Limit\":2,\"Holders\":{}}", 6)), P, "a", 2));
  }

  @Test
  void releaseRemovesOnlyTheLeavingHolder() {
    List<KvPair> pairs = List.of(contender("a"), contender("b"),
        lock("{\"Limit\":2,\"Holders\":{\"a\":true,\"b\":true}}", 12));
    assertEquals(Optional.of(new Semaphore.Take("{\"Limit\":2,\"Holders\":{\"b\":true}}", 12)),
        Semaphore.release(pairs, P, "a", 2));
    assertEquals(Optional.empty(), Semaphore.release(pairs, P, "z", 2));
    assertEquals("{\"Limit\":1,\"Holders\":{}}", Semaphore.encode(1, Set.of()));
  }

  @Test
  void theLockRecordIsRemovableOnlyWithoutLiveHolders() {
    String json = "{\"Limit\":2,\"Holders\":{\"a\":true}}";
    assertEquals(Optional.empty(), Semaphore.removable(List.of(contender("a"), lock(json, 5)), P, 2));
    assertEquals(Optional.of(5L), Semaphore.removable(List.of(deadContender("a"), lock(json, 5)), P, 2));
    assertEquals(Optional.empty(), Semaphore.removable(List.of(), P, 2));
  }
}
