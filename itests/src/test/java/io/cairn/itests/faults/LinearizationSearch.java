package io.cairn.itests.faults;

import java.util.Arrays;

/**
 * The Wing &amp; Gong linearizability search with Lowe's memoisation, for the sub-history of one register whose
 * values have been replaced by small integers (0 = absent).
 *
 * <p>Why this algorithm: it is the one Knossos and Porcupine use, proven in practice on histories of thousands of
 * operations. An op may be linearized next iff it is <em>minimal</em>: its call comes before the first return
 * still pending in the {@link EventList}. Linearizing it applies it to the register and lifts its events; when
 * the first pending event is a return, that op can no longer be placed and the search backtracks. Every (set of
 * linearized ops, register value) configuration is searched at most once: what follows depends only on that
 * pair, so a second visit could only fail the same way (Lowe's memoisation, {@link VisitedConfigs}).
 *
 * <p>Ops completing at {@link Op#NEVER} (indeterminate writes/CASes) have no return event: they may be placed
 * whenever they are minimal, or never; the search succeeds once every op <em>with</em> a return is placed.
 *
 * <p>Three sound prunings, each checked against an exhaustive search by {@code RegisterCheckerTest}: moves
 * without choice ({@link #forcedMoveOrDeadEnd}), early dead ends (same place), and one memo entry for all register
 * values no remaining op would notice (in {@link #run}). They matter: on simulated 5,000-op histories of 8 clients
 * they cut the states explored about tenfold; with 16 clients, from over 2,000,000 (budget exhausted) to ~50,000.
 *
 * <p>Why iterative: an explicit stack instead of recursion keeps 10^4-op histories off the Java call stack, and
 * lets the budget (states and deadline) stop the search cleanly.
 */
final class LinearizationSearch {

    enum Outcome { LINEARIZABLE, NOT_LINEARIZABLE, BUDGET_EXHAUSTED }

    static final int READ = 0;
    static final int WRITE = 1;
    static final int CAS = 2;
    /** How many of the last linearized ops a {@link DeadEnd} keeps. */
    static final int TAIL = 12;
    private static final int NONE = -1;
    private static final int DEAD_END = -2;

    private final int n;
    private final int[] kind;
    private final int[] value;
    private final int[] expected;
    private final EventList events;
    private final LinearizedSet linearized;
    /** Per value: how many mutations writing it are not linearized yet (so the register may hold it again). */
    private final int[] pendingWriters;
    /** Per value: how many reads returning it or CASes expecting it are not linearized yet. */
    private final int[] pendingNeeders;
    /** Stands, in the memo, for any register value no op left to linearize would notice. */
    private final int unnoticed;

    private long statesExplored;
    private DeadEnd deepest;
    /** The op {@link #forcedMoveOrDeadEnd} found can never be placed. */
    private int impossible = NONE;

    /**
     * @param kind     {@link #READ}, {@link #WRITE} or {@link #CAS} per op, ops sorted by invocation time
     * @param value    value read (READ) or written (WRITE, CAS), as an id; 0 = absent
     * @param expected value a CAS expects; ignored for other kinds
     * @param invoke   invocation times
     * @param complete completion times; {@link Op#NEVER} = indeterminate, optional
     */
    LinearizationSearch(int[] kind, int[] value, int[] expected, long[] invoke, long[] complete) {
        this.n = kind.length;
        this.kind = kind;
        this.value = value;
        this.expected = expected;
        this.events = new EventList(invoke, complete);
        this.linearized = new LinearizedSet(n);
        int values = 1;
        for (int i = 0; i < n; i++) {
            values = Math.max(values, Math.max(value[i], expected[i]) + 1);
        }
        this.pendingWriters = new int[values];
        this.pendingNeeders = new int[values];
        this.unnoticed = values;
        for (int i = 0; i < n; i++) {
            pendingWriters[value[i]] += kind[i] == READ ? 0 : 1;
            pendingNeeders[needs(i)] += kind[i] == WRITE ? 0 : 1;
        }
    }

    /** Runs the search; stops with {@link Outcome#BUDGET_EXHAUSTED} after {@code maxStates} or at the deadline. */
    Outcome run(long maxStates, long deadlineNanos) {
        VisitedConfigs memo = new VisitedConfigs();
        int[] stackOp = new int[n];
        int[] stackState = new int[n];
        boolean[] stackForced = new boolean[n];
        int depth = 0;
        int state = 0;
        int remaining = 0;
        for (int i = 0; i < n; i++) {
            remaining += events.hasReturn(i) ? 1 : 0;
        }
        int cur = events.first();
        boolean fresh = true; // a configuration just entered: look for a forced move first
        long iterations = 0;
        while (remaining > 0) {
            if ((++iterations & 0xFFF) == 0 && System.nanoTime() - deadlineNanos >= 0) {
                return Outcome.BUDGET_EXHAUSTED;
            }
            int op;
            boolean forced = false;
            if (fresh) {
                fresh = false;
                op = forcedMoveOrDeadEnd(state);
                if (op == NONE) {
                    continue; // explore the candidates one by one, from cur = first()
                }
                forced = op >= 0;
                if (!forced) {
                    noteDeadEnd(depth, stackOp, stackState, state, impossible);
                }
            } else if (cur != EventList.NIL && EventList.isCall(cur)) {
                op = EventList.opOf(cur);
                cur = events.next(cur);
            } else {
                // The first pending return (cur) belongs to an op not yet placed: nothing more fits here.
                noteDeadEnd(depth, stackOp, stackState, state, NONE);
                op = NONE;
            }
            if (op >= 0) {
                int after = apply(state, op);
                if (after >= 0) {
                    linearized.add(op);
                    // A value no op left would notice makes no difference to what follows: one memo entry for all.
                    int noticing = pendingNeeders[after] - (kind[op] != WRITE && needs(op) == after ? 1 : 0);
                    int memoState = noticing == 0 ? unnoticed : after;
                    int length = linearized.encode();
                    if (memo.add(linearized.hashWith(memoState), memoState, linearized.runs(), length)) {
                        if (++statesExplored > maxStates) {
                            return Outcome.BUDGET_EXHAUSTED;
                        }
                        stackOp[depth] = op;
                        stackState[depth] = state;
                        stackForced[depth] = forced;
                        depth++;
                        state = after;
                        lift(op);
                        remaining -= events.hasReturn(op) ? 1 : 0;
                        cur = events.first();
                        fresh = true;
                        continue;
                    }
                    linearized.remove(op); // explored before (memoised), and it failed from there
                }
                if (!forced) {
                    continue; // try the next candidate
                }
            }
            // Backtrack: undo the forced moves (no alternative to them can help), then the latest free choice,
            // and go on with the candidate after it.
            do {
                if (depth == 0) {
                    return Outcome.NOT_LINEARIZABLE;
                }
                depth--;
                op = stackOp[depth];
                state = stackState[depth];
                unlift(op);
                linearized.remove(op);
                remaining += events.hasReturn(op) ? 1 : 0;
            } while (stackForced[depth]);
            cur = events.next(EventList.callOf(op));
        }
        return Outcome.LINEARIZABLE;
    }

    /**
     * Looks at the minimal ops of a configuration just entered, and returns:
     * <ul>
     *   <li>{@link #DEAD_END} (the op in {@link #impossible}) if an op that must be linearized, a read or a CAS,
     *       needs a value the register does not hold and that no op still to be linearized writes: it can never
     *       be placed. Seeing this when it becomes minimal, rather than when its completion comes up, cuts the
     *       branch before it grows.</li>
     *   <li>Else a read that returns the current value, to place now without choice: in any completion placing
     *       it later, moving it to the front changes no value (a read writes nothing) and breaks no real-time
     *       order (it is minimal: no remaining op completed before it was invoked). So if placing it fails, the
     *       whole configuration fails, and reorderings of concurrent reads are never tried.</li>
     *   <li>Else, if no remaining op would notice the current value, a minimal write whose value no remaining op
     *       notices either, to place now without choice: in any completion, the op right after this point cannot
     *       look at the register (nobody notices its value), so it is a write or there is none; putting this
     *       write first (or adding it, if indeterminate and left out) changes nothing anyone sees.</li>
     *   <li>Else {@link #NONE}.</li>
     * </ul>
     */
    private int forcedMoveOrDeadEnd(int state) {
        int read = NONE;
        int blindWrite = NONE;
        for (int node = events.first(); node != EventList.NIL && EventList.isCall(node); node = events.next(node)) {
            int op = EventList.opOf(node);
            if (kind[op] == WRITE) {
                blindWrite = blindWrite == NONE && pendingNeeders[value[op]] == 0 ? op : blindWrite;
                continue;
            }
            int needs = needs(op);
            if (needs == state) {
                read = read == NONE && kind[op] == READ ? op : read;
            } else if (events.hasReturn(op) && pendingWriters[needs] == 0) {
                impossible = op;
                return DEAD_END;
            }
        }
        return read == NONE && pendingNeeders[state] == 0 ? blindWrite : read;
    }

    /** The value an op compares the register with: a read's result, a CAS's expected value; a write's value. */
    private int needs(int op) {
        return kind[op] == CAS ? expected[op] : value[op];
    }

    /** The register value after {@code op} when it held {@code state}, or -1 if {@code op} cannot happen then. */
    int apply(int state, int op) {
        return switch (kind[op]) {
            case READ -> value[op] == state ? state : -1;
            case WRITE -> value[op];
            default -> expected[op] == state ? value[op] : -1;
        };
    }

    long statesExplored() {
        return statesExplored;
    }

    /** The dead end after the longest linearized prefix, or {@code null} if the search never reached one. */
    DeadEnd deepestDeadEnd() {
        return deepest;
    }

    private void noteDeadEnd(int depth, int[] stackOp, int[] stackState, int state, int impossibleOp) {
        if (deepest != null && depth <= deepest.depth()) {
            return;
        }
        int t = Math.min(TAIL, depth);
        int[] tail = Arrays.copyOfRange(stackOp, depth - t, depth);
        int[] after = new int[t];
        for (int k = 0; k < t; k++) {
            int idx = depth - t + k;
            after[k] = idx + 1 < depth ? stackState[idx + 1] : state;
        }
        int count = 0;
        int node = events.first();
        for (; node != EventList.NIL && EventList.isCall(node); node = events.next(node)) {
            count++;
        }
        int blocking = node == EventList.NIL ? NONE : EventList.opOf(node);
        int[] candidates = new int[count];
        node = events.first();
        for (int k = 0; k < count; k++, node = events.next(node)) {
            candidates[k] = EventList.opOf(node);
        }
        deepest = new DeadEnd(depth, tail, after, state, candidates, blocking, impossibleOp, linearized.toBitSet());
    }

    private void lift(int op) {
        pendingWriters[value[op]] -= kind[op] == READ ? 0 : 1;
        pendingNeeders[needs(op)] -= kind[op] == WRITE ? 0 : 1;
        events.lift(op);
    }

    private void unlift(int op) {
        events.unlift(op);
        pendingWriters[value[op]] += kind[op] == READ ? 0 : 1;
        pendingNeeders[needs(op)] += kind[op] == WRITE ? 0 : 1;
    }
}
