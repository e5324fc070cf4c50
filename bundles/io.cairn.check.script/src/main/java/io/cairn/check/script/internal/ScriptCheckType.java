package io.cairn.check.script.internal;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckResult;
import io.cairn.health.api.CheckType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Offers {@link ScriptChecker} to the health-check engine for definitions with {@code Args} (or
 * {@code ScriptArgs}, or a legacy {@code Script}).
 *
 * <p>This type runs whatever it is given. Whether script checks may be registered at all (Consul's
 * {@code enable_script_checks} and {@code enable_local_script_checks}) is the agent's decision, made before it
 * registers a check; it is not repeated here.
 */
@Component(service = CheckType.class, property = {CheckType.TYPE + "=script", CheckType.FIELD + "=Args"})
public final class ScriptCheckType implements CheckType {

    private final ScriptChecker checker = new ScriptChecker();

    @Deactivate
    void deactivate() {
        checker.close();
    }

    @Override
    public void validate(CheckDefinition definition) {
        if (definition.args().isEmpty() || definition.args().get(0).isBlank()) {
            throw new IllegalArgumentException(
                    "Args must name the program to run first, e.g. [\"/usr/local/bin/check-disk\", \"-w\", \"80\"]");
        }
    }

    @Override
    public CompletionStage<CheckResult> run(CheckDefinition definition, Duration timeout) {
        return checker.run(definition.args(), timeout, definition.outputMaxSize());
    }
}
