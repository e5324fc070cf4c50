package io.cairn.template.internal.runner;

import java.time.Duration;
import java.util.List;

/**
 * What the runner does, independent of where it runs.
 *
 * @param templates      the templates, in the order given
 * @param quiescence     {@code wait}: quiescence for templates without their own
 * @param blockQueryWait the {@code wait} of every blocking query (consul-template's {@code block_query_wait})
 * @param retry          how failed queries are retried
 * @param once           render every template once, run the commands, stop
 * @param exitOnError    stop at the first error (the command line); otherwise report it and keep going (the agent)
 */
public record RunnerConfig(List<TemplateSpec> templates, WaitSpec quiescence, Duration blockQueryWait, Retry retry,
        boolean once, boolean exitOnError) {

    /** consul-template's {@code block_query_wait} default. */
    public static final Duration DEFAULT_BLOCK_QUERY_WAIT = Duration.ofSeconds(60);

    public RunnerConfig {
        templates = List.copyOf(templates);
    }
}
