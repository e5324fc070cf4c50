package io.cairn.itests.faults;

import java.util.BitSet;

/**
 * The deepest point where the linearization search ran out of options, kept to explain an INVALID verdict.
 *
 * <p>Why the deepest: every branch of a failed search ends in a dead end, and the one after the longest
 * linearized prefix is where the history stops making sense last; in practice it sits right at the anomaly.
 * Op and value numbers are those of the {@link LinearizationSearch} that produced it.
 *
 * @param depth         how many ops were linearized there
 * @param tailOps       the last (up to {@link LinearizationSearch#TAIL}) of them, in linearization order
 * @param valuesAfter   the register value after each of {@code tailOps}
 * @param value         the register value at the dead end
 * @param candidates    the ops real time allowed to come next (their calls precede the first pending return)
 * @param blocking      the op whose completion was the next event (it had to be placed by then), or -1
 * @param impossible    an op shown impossible from here (it needs a value nothing left can write), or -1
 * @param linearized    the set of ops linearized there
 */
record DeadEnd(int depth, int[] tailOps, int[] valuesAfter, int value, int[] candidates, int blocking,
               int impossible, BitSet linearized) {
}
