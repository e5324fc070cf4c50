package io.cairn.template.internal.runner;

import io.cairn.template.internal.data.Dependency;

/** Receives what watches learn; called on HTTP client or scheduler threads. */
interface DataSink {

    /** New data for {@code dependency}; {@code value} is {@code null} when the data is not usable yet. */
    void changed(Dependency dependency, Object value);

    /**
     * A fetch failed. {@code gaveUp} is true when the retry attempts are exhausted and the watch stopped; otherwise
     * it retries on its own.
     */
    void failed(Dependency dependency, String problem, boolean gaveUp);
}
