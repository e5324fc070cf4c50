package io.cairn.gossip.internal.swim;

import java.time.Duration;

/**
 * Lifeguard's local-health score, 0 (healthy) to {@code max - 1}: it rises when this member's own probes go
 * unanswered without nacks or when it has to refute a suspicion of itself, falls with each answered probe, and
 * stretches this member's probe interval and timeout by {@code score + 1}, so that a member whose own network or
 * CPU is struggling slows down instead of accusing healthy members. Not thread-safe.
 */
final class Awareness {
    private final int max;
    private int score;

    Awareness(int max) {
        this.max = max;
    }

    /** Adds {@code delta} (negative for good news), keeping the score within its bounds. */
    void apply(int delta) {
        score = Math.max(0, Math.min(max - 1, score + delta));
    }

    int score() {
        return score;
    }

    /** {@code duration} stretched by the current score. */
    Duration scale(Duration duration) {
        return duration.multipliedBy(score + 1L);
    }
}
