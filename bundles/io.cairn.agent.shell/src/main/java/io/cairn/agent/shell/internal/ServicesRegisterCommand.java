package io.cairn.agent.shell.internal;

import java.io.PrintStream;
import java.util.List;

import io.cairn.acl.api.AclResolver;
import io.cairn.agent.api.Agent;
import io.cairn.agent.definitions.ServiceDefinition;
import io.cairn.shell.support.Failures;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;

/**
 * {@code agent:services-register FILE...}, like {@code cairn services register FILE...}: registers the services
 * the files define with this agent; they survive reloads. Every file is read, and every service vetted, before
 * anything is registered: each needs {@code service:write} on its name and on the name of the instance it replaces,
 * as {@code /v1/agent/service/register} does.
 */
@Command(scope = "agent", name = "services-register",
        description = "Registers the services of Consul service-definition files with the local agent")
@Service
public class ServicesRegisterCommand implements Action {

    @Reference
    Agent agent;

    @Reference
    AclResolver resolver;

    @Reference
    Session session;

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
        List<ServiceDefinition> services = ServiceFiles.read(files);
        AgentAcl acl = AgentAcl.of(session, resolver, agent);
        for (ServiceDefinition service : services) {
            acl.requireRegister(service);
        }
        for (ServiceDefinition service : services) {
            try {
                agent.registerService(service, false);
            } catch (IllegalArgumentException e) {
                throw Failures.fail("Error registering service \"" + service.name() + "\": " + e.getMessage());
            }
            out.println("Registered service: " + service.name());
        }
    }
}
