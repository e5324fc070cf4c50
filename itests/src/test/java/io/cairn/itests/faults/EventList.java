package io.cairn.itests.faults;

import java.util.Arrays;

/**
 * A history as one doubly linked list of call and return events in time order, from which the search lifts the
 * two events of each op it linearizes, and puts them back when it backtracks.
 *
 * <p>Why a linked list: the question the search asks at every step is "which ops may be linearized next?", and
 * the answer is exactly the calls before the first event that is a return (an op whose caller had an answer
 * before those were invoked must come first). With linearized ops unlinked, that prefix is read from the head.
 * Removal and exact undo are O(1) because undo happens in reverse order of removal ("dancing links"): an unlinked
 * node keeps its pointers, which are still right when it is relinked.
 *
 * <p>Node {@code 2i} is op {@code i}'s call, {@code 2i+1} its return; an op whose completion is {@link Op#NEVER}
 * (indeterminate) has no return node, so it never forces anything. Equal times order calls before returns: ops
 * whose intervals touch count as concurrent (the lenient reading, which cannot raise a false alarm).
 */
final class EventList {

    static final int NIL = -1;

    private final boolean[] hasReturn;
    private final int head;
    private final int[] next;
    private final int[] prev;

    EventList(long[] invoke, long[] complete) {
        int n = invoke.length;
        hasReturn = new boolean[n];
        int returns = 0;
        for (int i = 0; i < n; i++) {
            hasReturn[i] = complete[i] != Op.NEVER;
            returns += hasReturn[i] ? 1 : 0;
        }
        head = 2 * n;
        next = new int[2 * n + 1];
        prev = new int[2 * n + 1];
        Integer[] events = new Integer[n + returns];
        int e = 0;
        for (int i = 0; i < n; i++) {
            events[e++] = 2 * i;
            if (hasReturn[i]) {
                events[e++] = 2 * i + 1;
            }
        }
        Arrays.sort(events, (a, b) -> {
            long ta = isCall(a) ? invoke[opOf(a)] : complete[opOf(a)];
            long tb = isCall(b) ? invoke[opOf(b)] : complete[opOf(b)];
            if (ta != tb) {
                return Long.compare(ta, tb);
            }
            if (isCall(a) != isCall(b)) {
                return isCall(a) ? -1 : 1;
            }
            return Integer.compare(a, b);
        });
        int last = head;
        for (int node : events) {
            next[last] = node;
            prev[node] = last;
            last = node;
        }
        next[last] = NIL;
    }

    static boolean isCall(int node) {
        return (node & 1) == 0;
    }

    static int opOf(int node) {
        return node >> 1;
    }

    static int callOf(int op) {
        return 2 * op;
    }

    /** Whether op {@code op} has a return event, i.e. must be linearized. */
    boolean hasReturn(int op) {
        return hasReturn[op];
    }

    /** The earliest event still in the list, or {@link #NIL}. */
    int first() {
        return next[head];
    }

    /** The event after {@code node} (which may be lifted: then, the one after it when it was lifted). */
    int next(int node) {
        return next[node];
    }

    /** Removes op {@code op}'s events. */
    void lift(int op) {
        unlink(callOf(op));
        if (hasReturn[op]) {
            unlink(callOf(op) + 1);
        }
    }

    /** Exact inverse of {@link #lift}, valid when lifts are undone in reverse order. */
    void unlift(int op) {
        if (hasReturn[op]) {
            relink(callOf(op) + 1);
        }
        relink(callOf(op));
    }

    private void unlink(int node) {
        int p = prev[node];
        int q = next[node];
        next[p] = q;
        if (q != NIL) {
            prev[q] = p;
        }
    }

    private void relink(int node) {
        int p = prev[node];
        int q = next[node];
        next[p] = node;
        if (q != NIL) {
            prev[q] = node;
        }
    }
}
