package io.cairn.itests.faults;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

/** Unit tests of {@link RegisterChecker}: planted anomalies must be caught, correct registers must pass. */
public class RegisterCheckerTest {

    /** An arbitrary nanoTime-like origin, so that relative times print as in the bug report. */
    private static final long T0 = 7_000_000_000_000L;

    private static long s(double seconds) {
        return T0 + Math.round(seconds * 1e9);
    }

    private static CheckResult check(Op... ops) {
        return new RegisterChecker().check(List.of(ops));
    }

    private static void assertValid(CheckResult r) {
        assertTrue(r.toString(), r.isValid());
    }

    private static void assertInvalid(CheckResult r) {
        assertTrue(r.toString(), r.isInvalid());
    }

    @Test
    public void sequentialHistoriesAreValid() {
        assertValid(check());
        assertValid(check(Op.read(1, "k", null, s(0), s(1))));
        assertValid(check(
                Op.write(1, "k", "1", s(0), s(1)),
                Op.read(2, "k", "1", s(2), s(3)),
                Op.write(2, "k", "2", s(4), s(5)),
                Op.read(1, "k", "2", s(6), s(7)),
                Op.cas(3, "k", "2", "3", s(8), s(9)),
                Op.read(1, "k", "3", s(10), s(11))));
    }

    @Test
    public void concurrentWriteAndReadValidInEitherOrder() {
        Op write = Op.write(1, "k", "1", s(0), s(10));
        assertValid(check(write, Op.read(2, "k", "1", s(2), s(3))));
        assertValid(check(write, Op.read(2, "k", null, s(2), s(3))));
        Op w2 = Op.write(2, "k", "2", s(1), s(9));
        assertValid(check(write, w2, Op.read(3, "k", "1", s(11), s(12))));
        assertValid(check(write, w2, Op.read(3, "k", "2", s(11), s(12))));
    }

    @Test
    public void plantedStaleReadIsCaught() {
        CheckResult r = check(
                Op.write(1, "k", "1", s(0), s(1)),
                Op.write(1, "k", "2", s(2), s(3)),
                Op.read(2, "k", "1", s(4), s(5)));
        assertInvalid(r);
        assertEquals("k", r.key());
        assertTrue(r.explanation(), r.explanation().contains("+4.000..+5.000 p2 read k -> 1"));
        assertTrue(r.explanation(), r.explanation().contains("register holds 2"));
    }

    /** The write of 111 took effect twice in the buggy system; with exactly-once semantics no order explains it. */
    @Test
    public void bugReportHistoryIsRejected() {
        CheckResult r = check(
                Op.write(0, "r2", "110", s(0.0), s(0.1)),
                Op.indeterminateWrite(1, "r2", "111", s(2.886)),
                Op.read(2, "r2", "111", s(4.929), s(6.696)),
                Op.cas(2, "r2", "111", "114", s(6.696), s(6.715)),
                Op.read(3, "r2", "114", s(6.748), s(6.814)),
                Op.read(4, "r2", "111", s(6.798), s(6.824)),
                Op.read(2, "r2", "111", s(6.885), s(6.924)));
        assertInvalid(r);
        assertEquals("r2", r.key());
        String text = r.explanation();
        assertTrue(text, text.contains("+6.798..+6.824 p4 read r2 -> 111"));
        assertTrue(text, text.contains("+6.696..+6.715 p2 cas r2 111 -> 114"));
        assertTrue(text, text.contains("+2.886..? p1 write r2 111 (indeterminate)"));
        assertTrue(r.involvedOps().size() >= 3);
        System.out.println("bug report history:\n" + text);
    }

    @Test
    public void indeterminateWriteMayTakeEffectLater() {
        Op w1 = Op.write(1, "k", "1", s(0), s(1));
        Op w2 = Op.indeterminateWrite(2, "k", "2", s(2));
        assertValid(check(w1, w2, Op.read(3, "k", "1", s(5), s(6)), Op.read(3, "k", "2", s(10), s(11))));
        CheckResult early = check(w1, w2, Op.read(3, "k", "2", s(1.2), s(1.5)));
        assertInvalid(early);
        assertTrue(early.explanation(), early.explanation().contains("returned 2 but the register holds 1"));
    }

    @Test
    public void unobservedIndeterminateWriteIsDropped() {
        CheckResult r = check(
                Op.write(1, "k", "1", s(0), s(1)),
                Op.indeterminateWrite(2, "k", "2", s(2)),
                Op.read(3, "k", "1", s(3), s(4)),
                Op.read(3, "k", "1", s(50), s(51)));
        assertValid(r);
        assertEquals(3, r.opsChecked());
        assertEquals(1, r.opsDropped());
    }

    @Test
    public void failedOpsAndIndeterminateReadsAreDropped() {
        CheckResult r = check(
                Op.write(1, "k", "1", s(0), s(1)),
                Op.write(1, "k", "2", s(2), s(3)).failed(),
                Op.cas(2, "k", "7", "3", s(2), s(3)).failed(),
                Op.read(2, "k", "9", s(4), s(5)).indeterminate(),
                Op.read(3, "k", "1", s(6), s(7)));
        assertValid(r);
        assertEquals(3, r.opsDropped());
    }

    @Test
    public void casFromAbsentOnFreshKeyIsValid() {
        assertValid(check(
                Op.cas(1, "k", null, "a", s(0), s(1)),
                Op.read(2, "k", "a", s(2), s(3)),
                Op.cas(2, "k", "a", "b", s(4), s(5)),
                Op.read(1, "k", "b", s(6), s(7)),
                Op.indeterminateCas(3, "k", "b", "c", s(8)),
                Op.read(1, "k", "b", s(9), s(10)),
                Op.read(2, "k", "c", s(20), s(21))));
    }

    @Test
    public void casWhoseExpectedValueWasNotCurrentIsInvalid() {
        CheckResult r = check(
                Op.write(1, "k", "1", s(0), s(1)),
                Op.write(1, "k", "2", s(2), s(3)),
                Op.cas(2, "k", "1", "3", s(4), s(5)));
        assertInvalid(r);
        assertTrue(r.explanation(), r.explanation().contains("expected 1 but the register holds 2"));
        assertInvalid(check(Op.write(1, "k", "1", s(0), s(1)), Op.cas(2, "k", null, "3", s(2), s(3))));
    }

    @Test
    public void keysAreCheckedIndependently() {
        List<Op> ops = new ArrayList<>();
        ops.add(Op.write(1, "a", "1", s(0), s(1)));
        ops.add(Op.write(2, "b", "1", s(0), s(1)));
        ops.add(Op.write(1, "a", "2", s(2), s(3)));
        ops.add(Op.read(2, "b", "1", s(4), s(5)));   // fine: b still holds its 1
        ops.add(Op.read(3, "a", "2", s(4), s(5)));
        ops.add(Op.read(3, "c", null, s(4), s(5)));
        assertValid(new RegisterChecker().check(ops));
        ops.add(Op.write(3, "b", "2", s(6), s(7)));
        ops.add(Op.read(1, "b", "1", s(8), s(9)));   // stale on b only
        CheckResult r = new RegisterChecker().check(ops);
        assertInvalid(r);
        assertEquals("b", r.key());
        assertTrue(r.explanation(), r.explanation().startsWith("key b "));
    }

    /** A simulated linearizable register with random delays, timeouts and failed CASes: valid; one stale read: not. */
    @Test
    public void largeRandomHistoryValidThenCorruptedInvalid() {
        List<Op> ops = SimulatedHistories.register(new Random(20240607L), "k", 8, 625);
        assertTrue(ops.size() >= 5000);
        long indeterminateWrites = ops.stream().filter(o -> o.status() == Op.Status.INFO && o.isMutation()).count();
        assertTrue("indeterminate writes: " + indeterminateWrites, indeterminateWrites >= 10);
        RegisterChecker checker = new RegisterChecker();
        checker.check(ops); // warm-up (JIT), so the timing below is the steady state
        long start = System.nanoTime();
        CheckResult valid = checker.check(ops);
        long validMillis = (System.nanoTime() - start) / 1_000_000;
        assertValid(valid);
        System.out.println("5000-op history: " + valid + " in " + validMillis + " ms (" + indeterminateWrites
                + " indeterminate writes)");
        assertTrue("took " + validMillis + " ms", validMillis < 5_000);

        List<Op> corrupted = SimulatedHistories.withOneStaleRead(ops);
        start = System.nanoTime();
        CheckResult invalid = checker.check(corrupted);
        long invalidMillis = (System.nanoTime() - start) / 1_000_000;
        assertInvalid(invalid);
        Set<Op> original = new HashSet<>(ops);
        Op planted = corrupted.stream().filter(op -> !original.contains(op)).findFirst().orElseThrow();
        assertTrue(invalid.explanation(), invalid.involvedOps().contains(planted));
        System.out.println("corrupted: decided in " + invalidMillis + " ms, " + invalid.statesExplored()
                + " states\n" + invalid.explanation());
    }

    @Test
    public void exhaustedBudgetIsUnknownNeverValid() {
        List<Op> sequential = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sequential.add(Op.write(1, "k", "v" + i, s(2 * i), s(2 * i + 1)));
        }
        assertValid(new RegisterChecker().check(sequential));
        CheckResult tiny = new RegisterChecker(10, Duration.ofMinutes(1)).check(sequential);
        assertEquals(tiny.toString(), CheckResult.Verdict.UNKNOWN, tiny.verdict());
        assertEquals("k", tiny.key());

        // 20 concurrent writes, then 20 concurrent reads each returning a different one of the values: only the
        // last write can be read, but proving that no order works means trying ~20 * 2^20 (written, last) pairs.
        List<Op> hard = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            hard.add(Op.write(p, "k", "v" + p, s(0), s(10)));
            hard.add(Op.read(p, "k", "v" + p, s(11), s(12)));
        }
        CheckResult few = new RegisterChecker(1_000, Duration.ofMinutes(1)).check(hard);
        assertEquals(few.toString(), CheckResult.Verdict.UNKNOWN, few.verdict());
        assertTrue(few.explanation(), few.explanation().contains("budget exhausted"));
        assertEquals(CheckResult.Verdict.UNKNOWN,
                new RegisterChecker(Long.MAX_VALUE, Duration.ofMillis(50)).check(hard).verdict());
    }

    /** The reductions and pruning rules must not change any verdict: compare with a naive exhaustive search. */
    @Test
    public void agreesWithExhaustiveSearchOnSmallRandomHistories() {
        Random rnd = new Random(42);
        int valid = 0;
        int invalid = 0;
        for (int trial = 0; trial < 20_000; trial++) {
            List<Op> history = SimulatedHistories.small(rnd, trial % 2 == 0);
            boolean expected = ExhaustiveChecker.isLinearizable(history);
            CheckResult r = new RegisterChecker().check(history);
            if (r.isValid() != expected || r.isUnknown()) {
                StringBuilder text = new StringBuilder("trial " + trial + ": exhaustive search says "
                        + (expected ? "linearizable" : "not linearizable") + ", checker: " + r + "\n");
                history.forEach(op -> text.append("  ").append(op.describe(0)).append('\n'));
                throw new AssertionError(text);
            }
            valid += expected ? 1 : 0;
            invalid += expected ? 0 : 1;
        }
        assertTrue("valid " + valid + ", invalid " + invalid, valid > 1000 && invalid > 1000);
    }

    /** Real threads against a lock-protected map, recorded through {@link History}. */
    @Test
    public void threadsRecordingThroughHistoryAreValid() throws InterruptedException {
        History history = new History();
        Map<String, String> store = new HashMap<>();
        AtomicInteger unique = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int process = t;
            threads.add(new Thread(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                for (int i = 0; i < 400; i++) {
                    String key = rnd.nextBoolean() ? "x" : "y";
                    int dice = rnd.nextInt(100);
                    if (dice < 45) {
                        History.Call call = history.invokeRead(process, key);
                        String v;
                        synchronized (store) {
                            v = store.get(key);
                        }
                        call.ok(v);
                    } else if (dice < 75) {
                        String v = "w" + unique.incrementAndGet();
                        History.Call call = history.invokeWrite(process, key, v);
                        boolean applied = dice < 73;        // 73..74: a "timeout" that may or may not apply
                        if (applied || rnd.nextBoolean()) {
                            synchronized (store) {
                                store.put(key, v);
                            }
                        }
                        if (applied) {
                            call.ok();
                        } else {
                            call.info();
                        }
                    } else {
                        String expected;
                        synchronized (store) {
                            expected = store.get(key);
                        }
                        String v = "c" + unique.incrementAndGet();
                        History.Call call = history.invokeCas(process, key, expected, v);
                        boolean swapped;
                        synchronized (store) {
                            swapped = Objects.equals(store.get(key), expected);
                            if (swapped) {
                                store.put(key, v);
                            }
                        }
                        call.casResult(swapped);
                    }
                }
                history.invokeRead(process, "x"); // left open: indeterminate read, ignored
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(4 * 401, history.size());
        CheckResult r = new RegisterChecker().check(history);
        assertValid(r);
        assertNotNull(r.explanation());
        assertFalse(history.ops().isEmpty());
    }
}
