package io.cairn.itests.faults;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the dead end of a failed {@link LinearizationSearch} into text a person debugging the store can act on.
 *
 * <p>Why this shape: "not linearizable" alone is useless on a 5,000-op history. What helps is the point where every
 * order ran out of options: the end of the longest linearized prefix the search found (with the register value
 * after each op), the ops that real time allowed to come next and why each of them cannot (a read that returned
 * a value the register no longer/not yet holds, a CAS that expected another value), and the completion that forced
 * the choice. Times are seconds from the start of the history so they can be matched against server logs.
 */
final class FailureExplainer {

    private final String key;
    private final List<Op> ops;
    private final long[] effectiveComplete;
    private final String[] valueOf;
    private final long origin;
    private final LinearizationSearch search;

    FailureExplainer(String key, List<Op> ops, long[] effectiveComplete, Map<String, Integer> ids, long origin,
                     LinearizationSearch search) {
        this.key = key;
        this.ops = ops;
        this.effectiveComplete = effectiveComplete;
        this.valueOf = new String[ids.size()];
        ids.forEach((v, id) -> valueOf[id] = v);
        this.origin = origin;
        this.search = search;
    }

    CheckResult result(String counts, int dropped) {
        Set<Op> involved = new LinkedHashSet<>();
        StringBuilder sb = new StringBuilder();
        sb.append("key ").append(key).append(" is not linearizable: no order of its ").append(ops.size())
                .append(" ops respects both real time and register semantics (").append(counts).append(").\n");
        DeadEnd end = search.deepestDeadEnd();
        if (end == null) {
            return new CheckResult(CheckResult.Verdict.INVALID, key, sb.toString(), List.of(), ops.size(), dropped,
                    search.statesExplored());
        }
        int[] tail = end.tailOps();
        if (end.depth() == 0) {
            sb.append("No op can be the first to take effect.\n");
        } else {
            sb.append("Longest linearization found: ").append(end.depth()).append(" ops");
            if (end.depth() > tail.length) {
                sb.append(", the last ").append(tail.length).append(" of them");
            }
            sb.append(" (value after each):\n");
            for (int k = 0; k < tail.length; k++) {
                involved.add(ops.get(tail[k]));
                sb.append("  ").append(line(tail[k])).append("   => ").append(show(end.valuesAfter()[k]))
                        .append('\n');
            }
        }
        sb.append("Then the register holds ").append(show(end.value()))
                .append(", and none of the ops that may take effect next fits:\n");
        List<String> optional = new ArrayList<>();
        for (int op : end.candidates()) {
            String text = "  " + line(op) + "   -- " + reason(op, end) + '\n';
            if (effectiveComplete[op] == Op.NEVER) {
                optional.add(text); // indeterminate: may also never happen, listed after the required ones
            } else {
                involved.add(ops.get(op));
                sb.append(text);
            }
        }
        if (!optional.isEmpty()) {
            sb.append("  (indeterminate, may also never happen:)\n");
            optional.stream().limit(10).forEach(sb::append);
            if (optional.size() > 10) {
                sb.append("  ... and ").append(optional.size() - 10).append(" more\n");
            }
        }
        if (end.impossible() >= 0) {
            Op o = ops.get(end.impossible());
            involved.add(o);
            sb.append("Dead end: ").append(line(end.impossible()))
                    .append(" can never take effect from here: no op left to linearize writes ")
                    .append(Op.show(o.kind() == Op.Kind.READ ? o.value() : o.expected())).append('\n');
        } else if (end.blocking() >= 0) {
            involved.add(ops.get(end.blocking()));
            sb.append("Nothing can wait: the next event is the completion at ")
                    .append(Op.seconds(effectiveComplete[end.blocking()], origin))
                    .append(" of an op not yet placed: ").append(line(end.blocking())).append('\n');
        }
        return new CheckResult(CheckResult.Verdict.INVALID, key, sb.toString(), new ArrayList<>(involved),
                ops.size(), dropped, search.statesExplored());
    }

    /** An op, plus a note when its deadline was tightened because its value was observed. */
    private String line(int op) {
        Op o = ops.get(op);
        String text = o.describe(origin);
        if (o.status() == Op.Status.INFO && effectiveComplete[op] != Op.NEVER) {
            text += " [observed by " + Op.seconds(effectiveComplete[op], origin) + ", so it happened by then]";
        }
        return text;
    }

    private String reason(int op, DeadEnd end) {
        int state = end.value();
        if (search.apply(state, op) >= 0) {
            return "fits here, but no way to complete the history follows from it";
        }
        Op o = ops.get(op);
        String wanted = o.kind() == Op.Kind.READ ? o.value() : o.expected();
        String verb = o.kind() == Op.Kind.READ ? "returned " : "expected ";
        return verb + Op.show(wanted) + " but the register holds " + show(state) + "; " + origin(wanted, end);
    }

    /** Who could have put {@code wanted} in the register. */
    private String origin(String wanted, DeadEnd end) {
        List<String> writers = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            Op w = ops.get(i);
            if (w.isMutation() && Objects.equals(w.value(), wanted)) {
                writers.add(line(i) + (end.linearized().get(i) ? " (already linearized, overwritten since)"
                        : " (not linearized yet)"));
            }
        }
        String initial = wanted == null ? "it is the initial value" : null;
        if (writers.isEmpty()) {
            return initial != null ? initial + "; no op deletes the key" : "no op writes that value";
        }
        String by = Op.show(wanted) + " written by " + String.join("; ", writers.subList(0, Math.min(3,
                writers.size()))) + (writers.size() > 3 ? "; ..." : "");
        return initial != null ? initial + ", and " + by : by;
    }

    private String show(int id) {
        return Op.show(valueOf[id]);
    }
}
