package io.cairn.template.internal.runner;

import io.cairn.go.lang.GoDuration;
import java.time.Duration;

/**
 * Quiescence bounds of consul-template's {@code wait}: after a change, render only once the data has been quiet
 * for {@code min}, but never later than {@code max} after the first change.
 */
public record WaitSpec(Duration min, Duration max) {
    /** No waiting: render as soon as data changes. */
    public static final WaitSpec NONE = new WaitSpec(Duration.ZERO, Duration.ZERO);

    public WaitSpec {
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("wait: max (" + GoDuration.format(max)
                    + ") must not be less than min (" + GoDuration.format(min) + ")");
        }
    }

    /**
     * Parses the flag form {@code min[:max]} ({@code 5s:10s}) of Go durations, each trimmed of surrounding space;
     * without a max, max is four times min, as in consul-template.
     *
     * @throws IllegalArgumentException with Go's message for a text that is not a Go duration, e.g.
     *                                  {@code time: invalid duration "soon"}
     */
    public static WaitSpec parse(String text) {
        int colon = text.indexOf(':');
        Duration min = GoDuration.parse((colon < 0 ? text : text.substring(0, colon)).trim());
        Duration max = colon < 0 ? min.multipliedBy(4) : GoDuration.parse(text.substring(colon + 1).trim());
        return new WaitSpec(min, max);
    }

    public boolean isNone() {
        return min.isZero() && max.isZero();
    }
}
