package io.cairn.itests.faults;

import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a recorded history: a single client operation on one register (a KV key), the interval during
 * which the client had it outstanding, and how it ended.
 *
 * <p>Why it looks like this: a linearizability checker needs nothing else. An operation is a constraint "this
 * took effect exactly once, atomically, somewhere between {@link #invokeNanos} and {@link #completeNanos}, and
 * saw/produced these values" ({@link Status#OK}); or "this never took effect" ({@link Status#FAIL}); or "nobody
 * knows" ({@link Status#INFO}, e.g. a timeout: a write may take effect at any time after its invocation, or never,
 * so its completion time is {@link #NEVER}).
 *
 * <p>Field meaning by {@link Kind}:
 * <ul>
 *   <li>{@code READ}: {@code value} is the value the read returned ({@code null} = key absent).</li>
 *   <li>{@code WRITE}: {@code value} is the value written ({@code null} would be a delete).</li>
 *   <li>{@code CAS}: succeeded iff the register held {@code expected} ({@code null} = absent); then it holds
 *       {@code value}. A CAS that reported failure is {@link Status#FAIL}: it did not change the register.</li>
 * </ul>
 * {@code expected} is {@code null} for everything but CAS. Times are {@link System#nanoTime()}-style longs.
 */
public record Op(int process, Kind kind, String key, String expected, String value,
                 long invokeNanos, long completeNanos, Status status) {

    /** Completion time of an operation whose outcome is unknown: it may take effect at any later time. */
    public static final long NEVER = Long.MAX_VALUE;

    /** What the operation did to the register. */
    public enum Kind { READ, WRITE, CAS }

    /** How the client saw the operation end. */
    public enum Status {
        /** Took effect exactly once between invocation and completion, with the recorded values. */
        OK,
        /** Definitely did not take effect (including a CAS that answered false). */
        FAIL,
        /** Unknown (timeout, connection error, or never completed): may take effect later, or never. */
        INFO
    }

    public Op {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        if (kind != Kind.CAS && expected != null) {
            throw new IllegalArgumentException("only a CAS has an expected value: " + kind);
        }
        if (status == Status.INFO) {
            completeNanos = NEVER;
        } else if (completeNanos == NEVER) {
            throw new IllegalArgumentException("only an indeterminate op never completes: " + status);
        } else if (completeNanos < invokeNanos) {
            throw new IllegalArgumentException("completed before it was invoked: " + invokeNanos + " > "
                    + completeNanos);
        }
    }

    /** A read of {@code key} that returned {@code observed} ({@code null} = absent). */
    public static Op read(int process, String key, String observed, long invokeNanos, long completeNanos) {
        return new Op(process, Kind.READ, key, null, observed, invokeNanos, completeNanos, Status.OK);
    }

    /** A write of {@code value} to {@code key} that was acknowledged. */
    public static Op write(int process, String key, String value, long invokeNanos, long completeNanos) {
        return new Op(process, Kind.WRITE, key, null, value, invokeNanos, completeNanos, Status.OK);
    }

    /** A compare-and-set {@code expected -> value} on {@code key} that reported success. */
    public static Op cas(int process, String key, String expected, String value, long invokeNanos,
                         long completeNanos) {
        return new Op(process, Kind.CAS, key, expected, value, invokeNanos, completeNanos, Status.OK);
    }

    /** A write of {@code value} to {@code key} whose outcome is unknown (e.g. it timed out). */
    public static Op indeterminateWrite(int process, String key, String value, long invokeNanos) {
        return new Op(process, Kind.WRITE, key, null, value, invokeNanos, NEVER, Status.INFO);
    }

    /** A compare-and-set {@code expected -> value} on {@code key} whose outcome is unknown. */
    public static Op indeterminateCas(int process, String key, String expected, String value, long invokeNanos) {
        return new Op(process, Kind.CAS, key, expected, value, invokeNanos, NEVER, Status.INFO);
    }

    /** The same operation, but with an unknown outcome (it may take effect after {@link #invokeNanos}, or never). */
    public Op indeterminate() {
        return new Op(process, kind, key, expected, value, invokeNanos, NEVER, Status.INFO);
    }

    /** The same operation, known not to have taken effect. */
    public Op failed() {
        return new Op(process, kind, key, expected, value, invokeNanos, completeNanos, Status.FAIL);
    }

    /** Whether this operation (if it took effect) replaced the register's value. */
    public boolean isMutation() {
        return kind != Kind.READ;
    }

    /**
     * One line for a human, times in seconds relative to {@code originNanos}, e.g.
     * {@code +6.798..+6.824 p4 read r2 -> 111} or {@code +2.886..? p1 write r2 111 (indeterminate)}.
     */
    public String describe(long originNanos) {
        String times = seconds(invokeNanos, originNanos) + ".."
                + (completeNanos == NEVER ? "?" : seconds(completeNanos, originNanos));
        String what = switch (kind) {
            case READ -> "read " + key + " -> " + show(value);
            case WRITE -> "write " + key + " " + show(value);
            case CAS -> "cas " + key + " " + show(expected) + " -> " + show(value);
        };
        String how = switch (status) {
            case OK -> "";
            case FAIL -> " (failed)";
            case INFO -> " (indeterminate)";
        };
        return times + " p" + process + " " + what + how;
    }

    /** {@code t} as signed seconds after {@code originNanos}, millisecond precision ({@code +6.798}). */
    static String seconds(long t, long originNanos) {
        return String.format(Locale.ROOT, "%+.3f", (t - originNanos) / 1e9);
    }

    /** A register value for a human: {@code null} is the absent key. */
    static String show(String value) {
        return value == null ? "<absent>" : value;
    }
}
