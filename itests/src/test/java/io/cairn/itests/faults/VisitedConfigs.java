package io.cairn.itests.faults;

import java.util.Arrays;

/**
 * The memo of {@link LinearizationSearch}: the set of (linearized ops, register value) configurations already
 * explored, each given as the register value plus the run-length encoding of the set of ops.
 *
 * <p>Why not a {@code HashSet}: the search is bound by memo lookups (several per state, on tables of millions of
 * entries), and a {@code HashSet} of objects costs a few dependent cache misses and ~120 bytes per entry. This is
 * an open-addressing table of 64-bit hashes (one cache miss per probe) over a pool of ints holding the encoded
 * configurations: some 50-100 bytes per entry, counting the table's slack. A hash match is always confirmed by
 * comparing the full configuration, so a hash collision can never make the search skip a configuration it has not
 * explored (no false alarms).
 */
final class VisitedConfigs {

    private static final long EMPTY = 0L;

    /** 64-bit hash per slot ({@link #EMPTY} = free). */
    private long[] hashes = new long[1 << 12];
    /** Offset in {@link #pool} of the configuration in the same slot. */
    private int[] offsets = new int[1 << 12];
    /** Configurations, each as: value, number of run boundaries, the boundaries. */
    private int[] pool = new int[1 << 14];
    private int poolSize;
    private int size;

    /**
     * Adds a configuration; returns whether it was new.
     *
     * @param hash  a well-mixed 64-bit hash of the configuration (equal configurations, equal hashes)
     * @param value the register value
     * @param runs  the set's run boundaries, in {@code runs[0..length)}
     */
    boolean add(long hash, int value, int[] runs, int length) {
        long h = hash == EMPTY ? 1L : hash;
        int mask = hashes.length - 1;
        int slot = (int) (h ^ (h >>> 29)) & mask;
        while (hashes[slot] != EMPTY) {
            if (hashes[slot] == h && sameAs(offsets[slot], value, runs, length)) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        int offset = store(value, runs, length);
        hashes[slot] = h;
        offsets[slot] = offset;
        if (++size * 2 > hashes.length) {
            grow();
        }
        return true;
    }

    /** Number of configurations stored. */
    int size() {
        return size;
    }

    private boolean sameAs(int offset, int value, int[] runs, int length) {
        if (pool[offset] != value || pool[offset + 1] != length) {
            return false;
        }
        return Arrays.equals(pool, offset + 2, offset + 2 + length, runs, 0, length);
    }

    private int store(int value, int[] runs, int length) {
        int needed = poolSize + 2 + length;
        if (needed > pool.length) {
            if (needed < 0 || needed > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("memo full: lower the checker's state budget");
            }
            long grown = Math.max(needed, pool.length + (long) (pool.length >> 1)); // 1.5x: the old copy is live meanwhile
            pool = Arrays.copyOf(pool, (int) Math.min(Integer.MAX_VALUE - 16L, grown));
        }
        int offset = poolSize;
        pool[offset] = value;
        pool[offset + 1] = length;
        System.arraycopy(runs, 0, pool, offset + 2, length);
        poolSize = needed;
        return offset;
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldOffsets = offsets;
        hashes = new long[oldHashes.length * 2];
        offsets = new int[oldOffsets.length * 2];
        int mask = hashes.length - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            long h = oldHashes[i];
            if (h != EMPTY) {
                int slot = (int) (h ^ (h >>> 29)) & mask;
                while (hashes[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = h;
                offsets[slot] = oldOffsets[i];
            }
        }
    }
}
