package io.cairn.health.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckResult;
import io.cairn.health.api.CheckType;

/** A check type whose runs answer with queued results, or stay pending until the test completes them. */
final class FakeCheckType implements CheckType {

    final List<CompletableFuture<CheckResult>> runs = new ArrayList<>();
    final List<Duration> timeouts = new ArrayList<>();
    private final Queue<CheckResult> answers = new ArrayDeque<>();
    private String rejection;

    /** The next runs complete at once with these results, in order. */
    FakeCheckType answer(CheckResult... results) {
        answers.addAll(List.of(results));
        return this;
    }

    /** {@link #validate} rejects every definition with this message. */
    FakeCheckType rejecting(String message) {
        rejection = message;
        return this;
    }

    @Override
    public void validate(CheckDefinition definition) {
        if (rejection != null) {
            throw new IllegalArgumentException(rejection);
        }
    }

    @Override
    public CompletionStage<CheckResult> run(CheckDefinition definition, Duration timeout) {
        CompletableFuture<CheckResult> run = new CompletableFuture<>();
        runs.add(run);
        timeouts.add(timeout);
        CheckResult answer = answers.poll();
        if (answer != null) {
            run.complete(answer);
        }
        return run;
    }

    CompletableFuture<CheckResult> lastRun() {
        return runs.get(runs.size() - 1);
    }
}
