package io.cairn.itests.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks that a history of reads, writes and compare-and-sets on KV keys is linearizable, i.e. that the store
 * behaved like one atomic register per key that every client saw at once.
 *
 * <p>Why per key: linearizability is compositional (P-compositionality), so a history is linearizable iff each
 * key's sub-history is, and small independent searches are exponentially cheaper than one big one. Keys are
 * checked in sorted order; the first INVALID key is reported. A budget (states explored per key, and a deadline
 * for the whole check) bounds the work; running out gives {@link CheckResult.Verdict#UNKNOWN}, never VALID.
 * The memo takes some 50-100 bytes per state: at the default budget a key's search peaks at about 250 MB.
 *
 * <p>Before the search, each key's sub-history is reduced. Only the first rule can weaken detection; none can
 * raise a false alarm:
 * <ul>
 *   <li>FAIL ops are dropped: they did not change the register. A CAS that answered false did tell something
 *       (the register did not hold the expected value at some instant), but dropping an op that changed nothing
 *       only removes constraints: any linearization of the full history, minus that op, is still one of the rest.
 *       So it may hide an anomaly, never invent one.</li>
 *   <li>Indeterminate reads are dropped: a read that returned nothing tells nothing.</li>
 *   <li>An indeterminate write/CAS whose value no read returned and no CAS expected is dropped (repeated until
 *       nothing changes, since dropping a CAS removes what it expected). Exact: in any linearization containing
 *       it, the op after it must overwrite without looking (a read would return its value, a CAS would expect
 *       it), so removing it leaves a linearization of the rest; and conversely an indeterminate op may be left
 *       out (it never happened). These ops would otherwise multiply the search by the places they could go.</li>
 *   <li>An indeterminate write/CAS that is the only writer of a non-absent value someone observed with an OK op
 *       must have happened, before the first observer completed: it is given that completion time. Exact again:
 *       every linearization places it before its observers, and a tighter interval only adds constraints that
 *       all linearizations already satisfy. This turns most timed-out writes into ordinary ones.</li>
 * </ul>
 */
public final class RegisterChecker {

    public static final long DEFAULT_MAX_STATES_PER_KEY = 2_000_000;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(1);

    private final long maxStatesPerKey;
    private final Duration timeout;

    /** A checker with {@link #DEFAULT_MAX_STATES_PER_KEY} and {@link #DEFAULT_TIMEOUT}. */
    public RegisterChecker() {
        this(DEFAULT_MAX_STATES_PER_KEY, DEFAULT_TIMEOUT);
    }

    /** A checker that gives up (UNKNOWN) after {@code maxStatesPerKey} states on a key, or after {@code timeout}. */
    public RegisterChecker(long maxStatesPerKey, Duration timeout) {
        if (maxStatesPerKey <= 0) {
            throw new IllegalArgumentException("maxStatesPerKey must be positive: " + maxStatesPerKey);
        }
        this.maxStatesPerKey = maxStatesPerKey;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Checks everything recorded so far (open calls count as indeterminate); times relative to its start. */
    public CheckResult check(History history) {
        return check(history.ops(), history.startNanos());
    }

    /** Checks {@code ops}; explanation times are relative to the earliest invocation. */
    public CheckResult check(Collection<Op> ops) {
        long origin = ops.stream().mapToLong(Op::invokeNanos).min().orElse(0L);
        return check(ops, origin);
    }

    /** Checks {@code ops}; explanation times are seconds relative to {@code originNanos}. */
    public CheckResult check(Collection<Op> ops, long originNanos) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, List<Op>> byKey = new TreeMap<>();
        for (Op op : ops) {
            byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
        }
        int checked = 0;
        int dropped = 0;
        long states = 0;
        CheckResult undecided = null;
        for (Map.Entry<String, List<Op>> entry : byKey.entrySet()) {
            CheckResult r = checkKey(entry.getKey(), entry.getValue(), originNanos, deadline);
            checked += r.opsChecked();
            dropped += r.opsDropped();
            states += r.statesExplored();
            if (r.isInvalid()) {
                return r;
            }
            if (r.isUnknown() && undecided == null) {
                undecided = r;
            }
        }
        if (undecided != null) {
            return undecided;
        }
        return new CheckResult(CheckResult.Verdict.VALID, null, "all " + byKey.size() + " keys linearizable ("
                + checked + " ops checked, " + dropped + " dropped, " + states + " states explored)",
                List.of(), checked, dropped, states);
    }

    private CheckResult checkKey(String key, List<Op> all, long origin, long deadline) {
        List<Op> kept = reduce(all);
        int n = kept.size();
        long[] complete = tightenedCompletions(kept);
        Map<String, Integer> ids = new HashMap<>();
        ids.put(null, 0);
        int[] kind = new int[n];
        int[] value = new int[n];
        int[] expected = new int[n];
        long[] invoke = new long[n];
        for (int i = 0; i < n; i++) {
            Op op = kept.get(i);
            kind[i] = switch (op.kind()) {
                case READ -> LinearizationSearch.READ;
                case WRITE -> LinearizationSearch.WRITE;
                case CAS -> LinearizationSearch.CAS;
            };
            value[i] = ids.computeIfAbsent(op.value(), v -> ids.size());
            expected[i] = ids.computeIfAbsent(op.expected(), v -> ids.size());
            invoke[i] = op.invokeNanos();
        }
        LinearizationSearch search = new LinearizationSearch(kind, value, expected, invoke, complete);
        LinearizationSearch.Outcome outcome = search.run(maxStatesPerKey, deadline);
        int dropped = all.size() - n;
        long states = search.statesExplored();
        String counts = n + " ops checked, " + dropped + " dropped, " + states + " states explored";
        return switch (outcome) {
            case LINEARIZABLE -> new CheckResult(CheckResult.Verdict.VALID, null,
                    "key " + key + " linearizable (" + counts + ")", List.of(), n, dropped, states);
            case BUDGET_EXHAUSTED -> {
                DeadEnd end = search.deepestDeadEnd();
                yield new CheckResult(CheckResult.Verdict.UNKNOWN, key, "key " + key + ": search budget exhausted "
                        + "(limit " + maxStatesPerKey + " states per key, timeout " + timeout + "); nothing proven. "
                        + counts + "; longest linearized prefix at a dead end: " + (end == null ? 0 : end.depth())
                        + " of " + n + " ops.", List.of(), n, dropped, states);
            }
            case NOT_LINEARIZABLE -> new FailureExplainer(key, kept, complete, ids, origin, search)
                    .result(counts, dropped);
        };
    }

    /** The ops of one key that constrain the search (see the class comment), sorted by invocation time. */
    private static List<Op> reduce(List<Op> all) {
        List<Op> kept = new ArrayList<>();
        for (Op op : all) {
            if (op.status() == Op.Status.OK || (op.status() == Op.Status.INFO && op.isMutation())) {
                kept.add(op);
            }
        }
        boolean changed = true;
        while (changed) { // dropping an indeterminate CAS may leave the value it expected unobserved
            Set<String> observed = new HashSet<>();
            for (Op op : kept) {
                if (op.kind() == Op.Kind.READ) {
                    observed.add(op.value());
                } else if (op.kind() == Op.Kind.CAS) {
                    observed.add(op.expected());
                }
            }
            changed = kept.removeIf(op -> op.status() == Op.Status.INFO && !observed.contains(op.value()));
        }
        kept.sort((a, b) -> Long.compare(a.invokeNanos(), b.invokeNanos()));
        return kept;
    }

    /**
     * Completion times for the search: as recorded, except that an indeterminate write/CAS that is the only writer
     * of a non-absent value some OK op observed gets the completion time of its first observer (class comment).
     */
    private static long[] tightenedCompletions(List<Op> kept) {
        Map<String, Integer> writers = new HashMap<>();
        Map<String, Long> firstObserved = new HashMap<>();
        for (Op op : kept) {
            if (op.isMutation()) {
                writers.merge(op.value(), 1, Integer::sum);
            }
            if (op.status() == Op.Status.OK && op.kind() != Op.Kind.WRITE) {
                String seen = op.kind() == Op.Kind.READ ? op.value() : op.expected();
                firstObserved.merge(seen, op.completeNanos(), Math::min);
            }
        }
        long[] complete = new long[kept.size()];
        for (int i = 0; i < complete.length; i++) {
            Op op = kept.get(i);
            complete[i] = op.completeNanos();
            if (op.status() == Op.Status.INFO && op.value() != null && writers.get(op.value()) == 1
                    && firstObserved.containsKey(op.value())) {
                complete[i] = firstObserved.get(op.value());
            }
        }
        return complete;
    }
}
