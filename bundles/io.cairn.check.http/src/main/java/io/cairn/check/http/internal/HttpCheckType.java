package io.cairn.check.http.internal;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckResult;
import io.cairn.health.api.CheckType;

import org.osgi.service.component.annotations.Component;

/** Offers {@link HttpChecker} to the health-check engine for definitions with an {@code HTTP} URL. */
@Component(service = CheckType.class, property = {CheckType.TYPE + "=http", CheckType.FIELD + "=HTTP"})
public final class HttpCheckType implements CheckType {

    private final HttpChecker checker = new HttpChecker();

    @Override
    public void validate(CheckDefinition definition) {
        HttpChecker.validate(definition);
    }

    @Override
    public CompletionStage<CheckResult> run(CheckDefinition definition, Duration timeout) {
        return checker.run(definition, timeout);
    }
}
