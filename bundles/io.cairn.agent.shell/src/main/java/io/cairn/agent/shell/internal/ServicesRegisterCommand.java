package io.cairn.agent.shell.internal;

import java.io.PrintStream;
import java.util.List;

import io.cairn.agent.api.Agent;
import io.cairn.agent.definitions.ServiceDefinition;
import io.cairn.shell.support.Failures;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

/**
 * {@code agent:services-register FILE...}, like {@code cairn services register FILE...}: registers the services
 * the files define with this agent; they survive reloads. Every file is read before anything is registered.
 */
@Command(scope = "agent", name = "services-register",
        description = "Registers the services of Consul service-definition files with the local agent")
@Service
public class ServicesRegisterCommand implements Action {

    @Reference
    Agent agent;

    @Argument(index = 0, name = "files", required = true, multiValued = true,
            description = "JSON files with a top-level \"service\" object or \"services\" array")
    @Completion(FileCompleter.class)
    List<String> files;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws Exception {
        for (ServiceDefinition service : ServiceFiles.read(files)) {
            try {
                agent.registerService(service, false);
            } catch (IllegalArgumentException e) {
                throw Failures.fail("Error registering service \"" + service.name() + "\": " + e.getMessage());
            }
            out.println("Registered service: " + service.name());
        }
    }
}
