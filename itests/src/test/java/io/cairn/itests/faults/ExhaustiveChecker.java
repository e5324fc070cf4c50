package io.cairn.itests.faults;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A deliberately naive linearizability oracle for tiny single-key histories: it tries every order (and every
 * choice of which indeterminate writes happened), with none of {@link RegisterChecker}'s reductions and pruning.
 *
 * <p>Why: the reductions and pruning rules of the real checker are each argued sound in comments, but an argument
 * is not a test. Comparing both on thousands of small random histories, valid and invalid, catches a rule that
 * is wrong (a false alarm or a missed anomaly) where no hand-written case would.
 */
final class ExhaustiveChecker {

    private final List<Op> ops = new ArrayList<>();
    private final Set<Long> failed = new HashSet<>();
    private final List<String> values = new ArrayList<>();

    private ExhaustiveChecker(List<Op> history) {
        for (Op op : history) {
            boolean keep = op.status() == Op.Status.OK || (op.status() == Op.Status.INFO && op.isMutation());
            if (keep) {
                ops.add(op);
            }
        }
        if (ops.size() > 20) {
            throw new IllegalArgumentException("too many ops for exhaustive search: " + ops.size());
        }
        values.add(null);
    }

    /** Whether the (single-key, at most 20 effective ops) history is linearizable. */
    static boolean isLinearizable(List<Op> history) {
        ExhaustiveChecker checker = new ExhaustiveChecker(history);
        return checker.search(0, null);
    }

    /** Whether the ops not in {@code placed} can follow, from register value {@code state}. */
    private boolean search(int placed, String state) {
        boolean requiredLeft = false;
        for (int i = 0; i < ops.size(); i++) {
            requiredLeft |= (placed & (1 << i)) == 0 && ops.get(i).status() == Op.Status.OK;
        }
        if (!requiredLeft) {
            return true; // indeterminate ops left over never happened
        }
        long memoKey = ((long) placed << 32) | valueId(state);
        if (failed.contains(memoKey)) {
            return false;
        }
        for (int i = 0; i < ops.size(); i++) {
            if ((placed & (1 << i)) != 0 || !mayGoNext(placed, i)) {
                continue;
            }
            Op op = ops.get(i);
            String after;
            switch (op.kind()) {
                case READ -> {
                    if (!Objects.equals(op.value(), state)) {
                        continue;
                    }
                    after = state;
                }
                case WRITE -> after = op.value();
                default -> {
                    if (!Objects.equals(op.expected(), state)) {
                        continue;
                    }
                    after = op.value();
                }
            }
            if (search(placed | (1 << i), after)) {
                return true;
            }
        }
        failed.add(memoKey);
        return false;
    }

    /** No op still unplaced completed before op {@code i} was invoked. */
    private boolean mayGoNext(int placed, int i) {
        for (int j = 0; j < ops.size(); j++) {
            if ((placed & (1 << j)) == 0 && j != i && completion(j) < ops.get(i).invokeNanos()) {
                return false;
            }
        }
        return true;
    }

    private long completion(int j) {
        Op op = ops.get(j);
        return op.status() == Op.Status.OK ? op.completeNanos() : Op.NEVER;
    }

    private int valueId(String value) {
        int id = values.indexOf(value);
        if (id < 0) {
            values.add(value);
            id = values.size() - 1;
        }
        return id;
    }
}
