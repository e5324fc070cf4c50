package io.cairn.itests.faults;

import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * The set of ops the search has linearized so far, with what the memo needs: an incrementally maintained hash
 * and a compact canonical encoding.
 *
 * <p>Why not {@link BitSet}: the memo needs, at every step, a hash of the set and a copy of it to store. The hash
 * is Zobrist's (XOR of a random 64-bit key per member, updated in O(1) on add and remove). The copy is the list of
 * boundaries of runs of consecutive members (start, end, start, end, ...): ops are numbered by invocation time,
 * so the set is almost always "every op below some index" plus a few concurrent ones, or with a few gaps
 * (indeterminate ops left out), i.e. a handful of ints instead of n/64 longs; and only the words between the
 * first one not full and the last one not empty are scanned to produce it.
 */
final class LinearizedSet {

    private final long[] bits;
    private final long[] zobrist;
    /** Words below {@code fullBelow} are all ones; words from {@code usedBelow} on are all zeros. */
    private int fullBelow;
    private int usedBelow;
    private long hash;
    private final int[] runs;

    LinearizedSet(int n) {
        bits = new long[(n + 63) >>> 6];
        zobrist = new long[n];
        SplittableRandom random = new SplittableRandom(0x5EEDCA12L);
        for (int i = 0; i < n; i++) {
            zobrist[i] = random.nextLong();
        }
        runs = new int[bits.length * 64 + 66];
    }

    void add(int op) {
        int w = op >>> 6;
        bits[w] |= 1L << op;
        hash ^= zobrist[op];
        usedBelow = Math.max(usedBelow, w + 1);
        while (fullBelow < bits.length && bits[fullBelow] == -1L) {
            fullBelow++;
        }
    }

    void remove(int op) {
        int w = op >>> 6;
        bits[w] &= ~(1L << op);
        hash ^= zobrist[op];
        fullBelow = Math.min(fullBelow, w);
        while (usedBelow > 0 && bits[usedBelow - 1] == 0L) {
            usedBelow--;
        }
    }

    /** A well-mixed 64-bit hash of (this set, {@code value}); equal pairs give equal hashes. */
    long hashWith(int value) {
        long h = hash ^ ((value + 1L) * 0x9E3779B97F4A7C15L);
        h ^= h >>> 31;
        return h * 0xBF58476D1CE4E5B9L;
    }

    /**
     * Encodes the set into {@link #runs()} and returns the length: as run boundaries, or, when that is longer
     * (a set fragmented within a few words), as {@code -1 - fullBelow} followed by the words from there as pairs
     * of ints. Either way the encoding is a function of the set alone, and the two cannot be confused (run
     * boundaries are never negative), so equal encodings mean equal sets.
     */
    int encode() {
        int count = 0;
        int window = 1 + 2 * Math.max(0, usedBelow - fullBelow);
        boolean inRun = fullBelow > 0;
        if (inRun) {
            runs[count++] = 0;
        }
        for (int w = fullBelow; w < usedBelow && count <= window; w++) {
            long word = bits[w];
            if (word == (inRun ? -1L : 0L)) {
                continue;
            }
            long changes = word ^ ((word << 1) | (inRun ? 1L : 0L)); // bit i differs from bit i-1
            while (changes != 0) {
                runs[count++] = (w << 6) + Long.numberOfTrailingZeros(changes);
                changes &= changes - 1;
            }
            inRun = word < 0; // top bit set: the run continues into the next word
        }
        if (count + (inRun ? 1 : 0) <= window) {
            if (inRun) {
                runs[count++] = Math.max(usedBelow, fullBelow) << 6;
            }
            return count;
        }
        count = 0;
        runs[count++] = -1 - fullBelow;
        for (int w = fullBelow; w < usedBelow; w++) {
            runs[count++] = (int) bits[w];
            runs[count++] = (int) (bits[w] >>> 32);
        }
        return count;
    }

    /** The buffer {@link #encode()} fills (reused: copy what must be kept). */
    int[] runs() {
        return runs;
    }

    /** A copy, for reports. */
    BitSet toBitSet() {
        return BitSet.valueOf(bits);
    }
}
