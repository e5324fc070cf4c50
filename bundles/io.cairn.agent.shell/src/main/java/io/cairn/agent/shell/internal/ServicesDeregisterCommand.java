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
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;

/**
 * {@code agent:services-deregister FILE... | --id ID}, like {@code cairn services deregister}: removes services
 * from this agent, named by the files they were registered from (their ID, else their name) or by ID. Each needs
 * {@code service:write} on its service's name, as {@code /v1/agent/service/deregister} does; all are vetted before
 * the first is removed.
 */
@Command(scope = "agent", name = "services-deregister",
        description = "Deregisters services from the local agent, by definition file or by ID")
@Service
public class ServicesDeregisterCommand implements Action {

    @Reference
    Agent agent;

    @Reference
    AclResolver resolver;

    @Reference
    Session session;

    @Option(name = "--id", aliases = "-id", description = "ID of the service to deregister, instead of files")
    String id = "";

    @Argument(index = 0, name = "files", multiValued = true,
            description = "JSON files with the definitions the services were registered from")
    @Completion(FileCompleter.class)
    List<String> files;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws Exception {
        boolean noFiles = files == null || files.isEmpty();
        if (noFiles && id.isEmpty()) {
            throw Failures.fail("Service deregistration requires at least one argument or -id.");
        }
        if (!noFiles && !id.isEmpty()) {
            throw Failures.fail("Service deregistration requires arguments or -id, not both.");
        }
        List<String> ids = noFiles ? List.of(id)
                : ServiceFiles.read(files).stream().map(ServiceDefinition::id).toList();
        AgentAcl acl = AgentAcl.of(session, resolver, agent);
        for (String serviceId : ids) {
            acl.requireServiceUpdate(serviceId);
        }
        for (String serviceId : ids) {
            try {
                agent.deregisterService(serviceId);
            } catch (IllegalArgumentException e) {
                throw Failures.fail("Error deregistering service \"" + serviceId + "\": " + e.getMessage());
            }
            out.println("Deregistered service: " + serviceId);
        }
    }
}
