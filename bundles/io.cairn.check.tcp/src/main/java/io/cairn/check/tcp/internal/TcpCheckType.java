package io.cairn.check.tcp.internal;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckResult;
import io.cairn.health.api.CheckType;

import org.osgi.service.component.annotations.Component;

/** Offers {@link TcpChecker} to the health-check engine for definitions with a {@code TCP} address. */
@Component(service = CheckType.class, property = {CheckType.TYPE + "=tcp", CheckType.FIELD + "=TCP"})
public final class TcpCheckType implements CheckType {

    private final TcpChecker checker = new TcpChecker();

    @Override
    public void validate(CheckDefinition definition) {
        TcpChecker.Target.parse(definition.tcp());
    }

    @Override
    public CompletionStage<CheckResult> run(CheckDefinition definition, Duration timeout) {
        return checker.run(definition.tcp(), timeout);
    }
}
