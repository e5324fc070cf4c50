package io.cairn.agent.api;

import java.util.List;

import io.cairn.agent.definitions.ServiceDefinition;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The agent running in this process: one per Cairn instance, registered by the agent bundle.
 * <p>
 * Operations take effect on the agent's local state at once and reach the catalog through anti-entropy, exactly
 * as the matching {@code /v1/agent/*} requests do. Input the agent refuses fails with an
 * {@link IllegalArgumentException} whose message is the text the HTTP API answers for the same request
 * ({@code Unknown service ID "web". Ensure that the service ID is passed, not the service name.}, ...), meant to
 * be shown to the user as it is. Calls are synchronous and do not wait for the catalog.
 */
@ProviderType
public interface Agent {

    /** This agent as a cluster member. */
    Member self();

    /**
     * The cluster members this agent knows, in no particular order ({@code /v1/agent/members}). Until the
     * agent gossips with others this is {@link #self()} alone.
     */
    List<Member> members();

    /**
     * The service instances registered on this agent now ({@code /v1/agent/services}), by ID, without their checks
     * ({@link ServiceDefinition#checks()} is empty). A service with {@code EnableTagOverride} has the tags the
     * catalog gave it.
     */
    List<ServiceDefinition> services();

    /**
     * Registers a service instance on this agent, or replaces the one with the same ID, with its checks
     * ({@code PUT /v1/agent/service/register}). The registration survives {@link #reload()}.
     *
     * @param replaceExistingChecks whether checks the instance had before and {@code service} no longer lists are
     *                              removed ({@code ?replace-existing-checks}); otherwise they are kept
     * @throws IllegalArgumentException if the agent refuses the service or one of its checks (a script check
     *                                  while scripts are disabled, a check type no engine runs, ...)
     */
    void registerService(ServiceDefinition service, boolean replaceExistingChecks);

    /**
     * Removes a service instance of this agent and its checks ({@code PUT /v1/agent/service/deregister/:id}).
     *
     * @param serviceId the instance ID (not the service name)
     * @throws IllegalArgumentException if this agent has no instance with that ID
     */
    void deregisterService(String serviceId);

    /**
     * Reads the agent's config dirs and files again and makes their service and check definitions current, as
     * {@code PUT /v1/agent/reload} and SIGHUP do. A definition that cannot be loaded does not stop the others.
     *
     * @return what could not be loaded, one text per problem naming the file, service or check; empty if all was
     */
    List<String> reload();

    /**
     * Puts this node into maintenance mode or takes it out ({@code PUT /v1/agent/maintenance}): a critical
     * check that hides every service of the node from DNS and passing-only health queries. Enabling twice keeps
     * the first reason; disabling when not in maintenance does nothing.
     *
     * @param reason why, shown as the check's notes; {@code ""} for Consul's default text (ignored when
     *               disabling)
     */
    void nodeMaintenance(boolean enable, String reason);

    /**
     * Puts one service instance into maintenance mode or takes it out
     * ({@code PUT /v1/agent/service/maintenance/:id}), like {@link #nodeMaintenance} for that instance only.
     *
     * @throws IllegalArgumentException if this agent has no instance with that ID
     */
    void serviceMaintenance(String serviceId, boolean enable, String reason);

    /** What is in maintenance now: the node first if it is, then service instances by ID. */
    List<Maintenance> maintenance();
}
