package io.cairn.check.grpc.internal;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckResult;
import io.cairn.health.api.CheckType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Offers {@link GrpcChecker} to the health-check engine for definitions with a {@code GRPC} target
 * ({@code GRPCUseTLS}, {@code TLSSkipVerify} and {@code TLSServerName} apply).
 */
@Component(service = CheckType.class, property = {CheckType.TYPE + "=grpc", CheckType.FIELD + "=GRPC"})
public final class GrpcCheckType implements CheckType {

    private final GrpcChecker checker = new GrpcChecker();

    @Deactivate
    void deactivate() {
        checker.close();
    }

    @Override
    public void validate(CheckDefinition definition) {
        GrpcTarget.parse(definition.grpc());
    }

    @Override
    public CompletionStage<CheckResult> run(CheckDefinition definition, Duration timeout) {
        return checker.run(definition.grpc(), definition.grpcUseTls(), definition.tlsSkipVerify(),
                definition.tlsServerName(), timeout);
    }
}
