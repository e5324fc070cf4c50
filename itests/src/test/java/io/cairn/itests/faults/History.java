package io.cairn.itests.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A thread-safe recorder of the operations concurrent clients perform, for {@link RegisterChecker}.
 *
 * <p>Why a recorder with handles: a client must take the invocation time <em>before</em> it sends a request and the
 * completion time <em>after</em> it has the answer, so that the recorded interval contains the moment the store
 * really applied the operation. Usage, per operation:
 * <pre>{@code
 *   History.Call call = history.invokeWrite(process, key, value);
 *   try {
 *       kv.put(key, value);
 *       call.ok();
 *   } catch (TimeoutException | IOException e) {
 *       call.info();           // may or may not have happened (also the default if never completed)
 *   }
 * }</pre>
 * A read completes with {@link Call#ok(String)}; a CAS with {@link Call#casResult(boolean)} (false means it
 * definitely did not happen, so it is recorded as {@link Op.Status#FAIL} and the checker drops it); anything that
 * definitely did not reach the store completes with {@link Call#fail()}. A call never completed counts as
 * indeterminate when the history is read.
 */
public final class History {

    private final LongSupplier clock;
    private final long startNanos;
    /** Every call, in invocation order. Guarded by {@code this}. */
    private final List<Call> calls = new ArrayList<>();

    /** A history timed by {@link System#nanoTime()}. */
    public History() {
        this(System::nanoTime);
    }

    /** A history timed by {@code clock} (nanoseconds, monotonic); tests can pass a fake clock. */
    public History(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startNanos = clock.getAsLong();
    }

    /** When recording started: the origin of the relative times in explanations. */
    public long startNanos() {
        return startNanos;
    }

    /** Records that {@code process} is about to read {@code key}. */
    public Call invokeRead(int process, String key) {
        return invoke(process, Op.Kind.READ, key, null, null);
    }

    /** Records that {@code process} is about to write {@code value} (unique per key) to {@code key}. */
    public Call invokeWrite(int process, String key, String value) {
        return invoke(process, Op.Kind.WRITE, key, null, value);
    }

    /** Records that {@code process} is about to compare-and-set {@code key} from {@code expected} to {@code value}. */
    public Call invokeCas(int process, String key, String expected, String value) {
        return invoke(process, Op.Kind.CAS, key, expected, value);
    }

    /** Records the invocation of any operation; for a read {@code value} is ignored (the result comes later). */
    public Call invoke(int process, Op.Kind kind, String key, String expected, String value) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        synchronized (this) {
            Call call = new Call(process, kind, key, expected, kind == Op.Kind.READ ? null : value,
                    clock.getAsLong());
            calls.add(call);
            return call;
        }
    }

    /** Appends an already finished operation (replaying a log, or a test building a history by hand). */
    public synchronized void add(Op op) {
        Call call = new Call(op.process(), op.kind(), op.key(), op.expected(), op.value(), op.invokeNanos());
        call.result = op;
        calls.add(call);
    }

    /** A snapshot of all operations so far, in invocation order; calls not yet completed are indeterminate. */
    public synchronized List<Op> ops() {
        List<Op> ops = new ArrayList<>(calls.size());
        for (Call call : calls) {
            ops.add(call.result != null ? call.result : call.op(Op.Status.INFO, null, Op.NEVER));
        }
        return ops;
    }

    /** Number of operations recorded so far. */
    public synchronized int size() {
        return calls.size();
    }

    /** The handle of one invoked operation; complete it exactly once (or never, which means indeterminate). */
    public final class Call {
        private final int process;
        private final Op.Kind kind;
        private final String key;
        private final String expected;
        private final String value;
        private final long invokeNanos;
        /** Guarded by the enclosing History. */
        private Op result;

        private Call(int process, Op.Kind kind, String key, String expected, String value, long invokeNanos) {
            this.process = process;
            this.kind = kind;
            this.key = key;
            this.expected = expected;
            this.value = value;
            this.invokeNanos = invokeNanos;
        }

        /** A write or a CAS was acknowledged as applied. */
        public void ok() {
            if (kind == Op.Kind.READ) {
                throw new IllegalStateException("a read completes with ok(observedValue)");
            }
            complete(Op.Status.OK, value);
        }

        /** A read returned {@code observed} ({@code null} = the key was absent). */
        public void ok(String observed) {
            if (kind != Op.Kind.READ) {
                throw new IllegalStateException("only a read completes with a value; use ok()");
            }
            complete(Op.Status.OK, observed);
        }

        /** A CAS answered: {@code true} applied, {@code false} definitely not applied (dropped by the checker). */
        public void casResult(boolean succeeded) {
            if (kind != Op.Kind.CAS) {
                throw new IllegalStateException("not a CAS: " + kind);
            }
            complete(succeeded ? Op.Status.OK : Op.Status.FAIL, value);
        }

        /** The operation definitely did not take effect (e.g. rejected before it reached the store). */
        public void fail() {
            complete(Op.Status.FAIL, value);
        }

        /** The outcome is unknown (timeout, connection reset): it may take effect later, or never. */
        public void info() {
            complete(Op.Status.INFO, value);
        }

        /** Whether the call has not been completed yet. */
        public boolean isOpen() {
            synchronized (History.this) {
                return result == null;
            }
        }

        private void complete(Op.Status status, String resultValue) {
            long now = clock.getAsLong();
            synchronized (History.this) {
                if (result != null) {
                    throw new IllegalStateException("already completed: " + result);
                }
                result = op(status, resultValue, status == Op.Status.INFO ? Op.NEVER : now);
            }
        }

        private Op op(Op.Status status, String resultValue, long completeNanos) {
            return new Op(process, kind, key, expected, resultValue, invokeNanos, completeNanos, status);
        }
    }
}
