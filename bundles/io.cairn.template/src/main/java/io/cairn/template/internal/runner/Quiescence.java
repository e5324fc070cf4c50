package io.cairn.template.internal.runner;

import java.time.Instant;

/**
 * When a template with a {@link WaitSpec} may render after changes: {@code min} after the latest change, but no
 * later than {@code max} after the first change since it last rendered.
 */
final class Quiescence {
    private final WaitSpec wait;
    private Instant firstChange;
    private Instant due;

    Quiescence(WaitSpec wait) {
        this.wait = wait;
    }

    /** Records a change at {@code now}. */
    void changed(Instant now) {
        if (firstChange == null) {
            firstChange = now;
        }
        Instant quiet = now.plus(wait.min());
        Instant latest = firstChange.plus(wait.max());
        due = quiet.isAfter(latest) ? latest : quiet;
    }

    /** When the template should render, or {@code null} if no change is pending. */
    Instant due() {
        return due;
    }

    boolean isDue(Instant now) {
        return due != null && !now.isBefore(due);
    }

    /** The template rendered: the next change starts a new window. */
    void rendered() {
        firstChange = null;
        due = null;
    }
}
