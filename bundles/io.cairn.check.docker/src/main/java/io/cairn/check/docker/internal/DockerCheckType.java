package io.cairn.check.docker.internal;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckResult;
import io.cairn.health.api.CheckType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Offers {@link DockerChecker} to the health-check engine for definitions with a {@code DockerContainerID} and
 * {@code Args} (with both set it wins over the script type, which only needs {@code Args}).
 *
 * <p>Like script checks, Docker checks run commands; whether they may be registered at all
 * ({@code enable_script_checks}, {@code enable_local_script_checks}) is the agent's decision, not this type's.
 */
@Component(service = CheckType.class, name = DockerCheckType.PID, configurationPid = DockerCheckType.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {CheckType.TYPE + "=docker", CheckType.FIELD + "=DockerContainerID", CheckType.FIELD + "=Args"})
@Designate(ocd = DockerCheckType.Config.class)
public final class DockerCheckType implements CheckType {

    static final String PID = "io.cairn.check.docker";

    /** Where the Docker engine is. */
    @ObjectClassDefinition(name = "Cairn Docker check", description = "Where Docker checks find the Docker engine")
    public @interface Config {
        /** The engine's API socket, like {@code DOCKER_HOST}: {@code unix:///path} or {@code tcp://host:port}. */
        @AttributeDefinition(description = "Docker Engine API address: unix:///path/to/docker.sock or tcp://host:port")
        String docker_host() default "unix:///var/run/docker.sock";
    }

    private final DockerChecker checker;

    @Activate
    public DockerCheckType(Config config) {
        checker = new DockerChecker(config.docker_host());
    }

    @Deactivate
    void deactivate() {
        checker.close();
    }

    @Override
    public void validate(CheckDefinition definition) {
        if (definition.dockerContainerId().isBlank()) {
            throw new IllegalArgumentException("DockerContainerID must name a running container");
        }
        if (definition.args().isEmpty() || definition.args().get(0).isBlank()) {
            throw new IllegalArgumentException(
                    "Args must name the command to run in the container, e.g. [\"/bin/check\", \"-q\"]");
        }
    }

    @Override
    public CompletionStage<CheckResult> run(CheckDefinition definition, Duration timeout) {
        return checker.run(definition.dockerContainerId(), DockerChecker.command(definition), timeout,
                definition.outputMaxSize());
    }
}
