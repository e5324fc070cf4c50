package io.cairn.itests.faults;

import java.util.List;

/**
 * The verdict of {@link RegisterChecker} on a history, with a human-readable explanation.
 *
 * <p>Why three verdicts: the search is exponential in the worst case, so it runs under a budget. Running out of
 * budget proves nothing either way and must never be confused with a pass, hence {@link Verdict#UNKNOWN}. For
 * {@link Verdict#INVALID} the explanation names the key and shows the ops around the point where every possible
 * order got stuck (the end of the longest linearized prefix, and the ops that could not be placed next), with
 * times in seconds from the start of the history, so the anomaly can be matched against server logs.
 */
public final class CheckResult {

    /** Outcome of a check. */
    public enum Verdict {
        /** Every key's sub-history has a linearization. */
        VALID,
        /** Some key's sub-history has none: {@link #key()} names it. */
        INVALID,
        /** The budget ran out before a key could be decided: nothing is proven. */
        UNKNOWN
    }

    private final Verdict verdict;
    private final String key;
    private final String explanation;
    private final List<Op> involvedOps;
    private final int opsChecked;
    private final int opsDropped;
    private final long statesExplored;

    CheckResult(Verdict verdict, String key, String explanation, List<Op> involvedOps, int opsChecked,
                int opsDropped, long statesExplored) {
        this.verdict = verdict;
        this.key = key;
        this.explanation = explanation;
        this.involvedOps = List.copyOf(involvedOps);
        this.opsChecked = opsChecked;
        this.opsDropped = opsDropped;
        this.statesExplored = statesExplored;
    }

    public Verdict verdict() {
        return verdict;
    }

    public boolean isValid() {
        return verdict == Verdict.VALID;
    }

    public boolean isInvalid() {
        return verdict == Verdict.INVALID;
    }

    public boolean isUnknown() {
        return verdict == Verdict.UNKNOWN;
    }

    /** The key found not linearizable (INVALID) or left undecided (UNKNOWN); {@code null} when VALID. */
    public String key() {
        return key;
    }

    /** Multi-line text for a human; for INVALID, the ops around the point where the search got stuck. */
    public String explanation() {
        return explanation;
    }

    /** The ops the explanation shows (INVALID/UNKNOWN), e.g. to grep server logs around their times. */
    public List<Op> involvedOps() {
        return involvedOps;
    }

    /** Ops that took part in the search (over the keys checked). */
    public int opsChecked() {
        return opsChecked;
    }

    /**
     * Ops left out before the search because they cannot constrain it: failed ops, indeterminate reads, and
     * indeterminate writes/CASes whose value nobody observed.
     */
    public int opsDropped() {
        return opsDropped;
    }

    /** Search configurations explored (over the keys checked). */
    public long statesExplored() {
        return statesExplored;
    }

    @Override
    public String toString() {
        return verdict + (key == null ? "" : " (key " + key + ")") + ": " + explanation;
    }
}
