package io.cairn.agent.shell.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.cairn.agent.definitions.DefinitionException;
import io.cairn.agent.definitions.DefinitionParser;
import io.cairn.agent.definitions.Definitions;
import io.cairn.agent.definitions.ServiceDefinition;
import io.cairn.shell.support.Failures;

import org.apache.karaf.shell.support.CommandException;

/**
 * Reads the service definitions of Consul config files ({@code "service": {...}} or {@code "services": [...]}),
 * with the agent's own parser so a file is refused here exactly when the agent would refuse it in a config dir.
 */
final class ServiceFiles {

    private ServiceFiles() {
    }

    /**
     * Every service defined in {@code files}, in file order; relative names are resolved against the directory
     * the Cairn process runs in.
     *
     * @throws CommandException {@code Error: <file>: <problem>} for the first file that cannot be used
     */
    static List<ServiceDefinition> read(List<String> files) throws CommandException {
        List<ServiceDefinition> services = new ArrayList<>();
        for (String name : files) {
            Path file = Path.of(name);
            Definitions definitions;
            try {
                definitions = DefinitionParser.configFile(file.toString(),
                        Files.readString(file, StandardCharsets.UTF_8));
            } catch (DefinitionException e) {
                throw Failures.fail("Error: " + e.getMessage());
            } catch (IOException e) {
                throw Failures.fail("Error: cannot read " + file + ": " + e.getClass().getSimpleName() + ": "
                        + e.getMessage());
            }
            if (definitions.services().isEmpty()) {
                throw Failures.fail("Error: " + file + ": no service definition; expected a top-level \"service\""
                        + " object or \"services\" array");
            }
            services.addAll(definitions.services());
        }
        return services;
    }
}
