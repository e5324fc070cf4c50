package io.cairn.itests.faults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Histories of a simulated, correct (linearizable) register, and a way to plant a stale read in one.
 *
 * <p>Why: a checker is only trustworthy if it accepts large histories of a correct system (no false alarms, in
 * reasonable time) and rejects the same history with one planted anomaly. The simulation is deterministic for a
 * given {@link Random}, so a failure reproduces.
 */
final class SimulatedHistories {

    /** Invocation times start shortly after this nanoTime-like instant. */
    static final long ORIGIN = 5_000_000_000_000L;

    private SimulatedHistories() {
    }

    /** One simulated operation: when it really took effect ({@code lin}) decides what it saw. */
    private static final class Sim {
        int process;
        Op.Kind kind;
        String expected;
        String value;
        long inv;
        long comp;
        long lin;
        boolean applies = true;
        Op.Status status = Op.Status.OK;
    }

    /**
     * {@code processes} clients, each doing {@code perProcess} sequential ops with random latencies; each op takes
     * effect at a random instant inside its interval. About 20 writes time out: half of them still take effect,
     * possibly long after the timeout. CASes expect the current value 70% of the time, else fail.
     */
    static List<Op> register(Random rnd, String key, int processes, int perProcess) {
        List<Sim> sims = new ArrayList<>();
        int values = 0;
        double timeoutRate = 22.0 / (processes * perProcess * 0.35);
        for (int p = 0; p < processes; p++) {
            long t = ORIGIN + rnd.nextInt(10_000_000);
            for (int i = 0; i < perProcess; i++) {
                Sim op = new Sim();
                op.process = p;
                int dice = rnd.nextInt(100);
                op.kind = dice < 45 ? Op.Kind.READ : dice < 80 ? Op.Kind.WRITE : Op.Kind.CAS;
                op.value = op.kind == Op.Kind.READ ? null : "v" + (++values);
                long latency = 1_000_000 + rnd.nextInt(19_000_000); // 1..20 ms
                op.inv = t;
                op.comp = t + latency;
                op.lin = t + 1 + rnd.nextInt((int) latency - 1);
                if (op.kind == Op.Kind.WRITE && rnd.nextDouble() < timeoutRate) {
                    op.status = Op.Status.INFO;
                    op.applies = rnd.nextBoolean();
                    op.lin = t + 1 + rnd.nextInt(500_000_000); // up to 0.5 s later: after the client gave up
                } else if (op.kind == Op.Kind.READ && rnd.nextInt(200) == 0) {
                    op.status = Op.Status.INFO;
                }
                sims.add(op);
                t = op.comp + rnd.nextInt(3_000_000);
            }
        }
        List<Sim> byLin = new ArrayList<>(sims);
        byLin.sort(Comparator.comparingLong(o -> o.lin));
        String register = null;
        for (Sim op : byLin) {
            if (!op.applies) {
                continue;
            }
            switch (op.kind) {
                case READ -> op.value = register;
                case WRITE -> register = op.value;
                case CAS -> {
                    if (rnd.nextInt(10) < 7) {
                        op.expected = register;
                        register = op.value;
                    } else {
                        op.expected = "never-" + op.value;
                        op.status = Op.Status.FAIL;
                    }
                }
            }
        }
        List<Op> ops = new ArrayList<>();
        for (Sim o : sims) {
            ops.add(new Op(o.process, o.kind, key, o.expected, o.value, o.inv, o.comp, o.status));
        }
        return ops;
    }

    /**
     * A tiny single-key history (1..4 clients, 1..4 ops each, times on a coarse grid so that ties happen) of a
     * correct register, with indeterminate and failed ops; then, half of the time, one read result or CAS
     * expectation replaced by a random value (which may or may not make it non-linearizable). With
     * {@code uniqueValues} false, writes reuse the values a, b and c.
     */
    static List<Op> small(Random rnd, boolean uniqueValues) {
        List<Sim> sims = new ArrayList<>();
        List<String> written = new ArrayList<>();
        written.add(null);
        int processes = 1 + rnd.nextInt(4);
        for (int p = 0; p < processes; p++) {
            long t = rnd.nextInt(4);
            int count = 1 + rnd.nextInt(4);
            for (int i = 0; i < count; i++) {
                Sim op = new Sim();
                op.process = p;
                int dice = rnd.nextInt(10);
                op.kind = dice < 4 ? Op.Kind.READ : dice < 8 ? Op.Kind.WRITE : Op.Kind.CAS;
                if (op.kind != Op.Kind.READ) {
                    op.value = uniqueValues ? "u" + sims.size() : String.valueOf((char) ('a' + rnd.nextInt(3)));
                    written.add(op.value);
                }
                op.inv = t * 1000;
                op.comp = (t + 1 + rnd.nextInt(4)) * 1000;
                op.lin = op.inv + 1 + rnd.nextInt((int) (op.comp - op.inv) - 1);
                int status = rnd.nextInt(20);
                if (status < 3) {
                    op.status = Op.Status.INFO;
                    op.applies = rnd.nextBoolean();
                    op.lin = op.inv + 1 + rnd.nextInt(20_000);
                } else if (status < 5) {
                    op.status = Op.Status.FAIL;
                    op.applies = false;
                }
                sims.add(op);
                t = op.comp / 1000 + rnd.nextInt(3);
            }
        }
        List<Sim> byLin = new ArrayList<>(sims);
        byLin.sort(Comparator.comparingLong(o -> o.lin));
        String register = null;
        for (Sim op : byLin) {
            String pick = written.get(rnd.nextInt(written.size()));
            switch (op.kind) {
                case READ -> op.value = op.applies ? register : pick;
                case WRITE -> register = op.applies ? op.value : register;
                case CAS -> {
                    boolean swap = op.applies && rnd.nextInt(10) < 7;
                    op.expected = swap ? register : pick;
                    register = swap ? op.value : register;
                    op.status = op.applies && !swap && op.status == Op.Status.OK ? Op.Status.FAIL : op.status;
                }
            }
        }
        if (rnd.nextBoolean()) {
            Sim victim = sims.get(rnd.nextInt(sims.size()));
            String pick = written.get(rnd.nextInt(written.size()));
            if (victim.kind == Op.Kind.READ) {
                victim.value = pick;
            } else if (victim.kind == Op.Kind.CAS) {
                victim.expected = pick;
            }
        }
        List<Op> ops = new ArrayList<>();
        for (Sim o : sims) {
            ops.add(new Op(o.process, o.kind, "k", o.expected, o.value, o.inv, o.comp, o.status));
        }
        return ops;
    }

    /**
     * Makes one OK read in the second half return a value that was definitely overwritten before it started: W_old
     * completed before W2 was invoked, W2 completed before the read was invoked, values are unique.
     */
    static List<Op> withOneStaleRead(List<Op> ops) {
        List<Op> sorted = new ArrayList<>(ops);
        sorted.sort(Comparator.comparingLong(Op::invokeNanos));
        for (int i = sorted.size() / 2; i < sorted.size(); i++) {
            Op read = sorted.get(i);
            if (read.kind() != Op.Kind.READ || read.status() != Op.Status.OK) {
                continue;
            }
            Op w2 = latestMutationCompletedBefore(sorted, read.invokeNanos());
            Op old = w2 == null ? null : latestMutationCompletedBefore(sorted, w2.invokeNanos());
            if (old != null && !old.value().equals(read.value())) {
                List<Op> corrupted = new ArrayList<>(ops);
                corrupted.set(ops.indexOf(read), Op.read(read.process(), read.key(), old.value(),
                        read.invokeNanos(), read.completeNanos()));
                return corrupted;
            }
        }
        throw new AssertionError("no read to corrupt");
    }

    private static Op latestMutationCompletedBefore(List<Op> ops, long time) {
        Op best = null;
        for (Op op : ops) {
            if (op.isMutation() && op.status() == Op.Status.OK && op.completeNanos() < time
                    && (best == null || op.completeNanos() > best.completeNanos())) {
                best = op;
            }
        }
        return best;
    }
}
