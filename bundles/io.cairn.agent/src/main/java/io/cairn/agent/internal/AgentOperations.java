package io.cairn.agent.internal;

import java.util.List;
import java.util.function.Supplier;

import io.cairn.agent.api.Agent;
import io.cairn.agent.api.AgentInfo;
import io.cairn.agent.api.Maintenance;
import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.agent.definitions.ServiceDefinition;
import io.cairn.http.api.HttpException;

/**
 * The {@link Agent} service: the same {@link LocalAgent} steps the HTTP endpoints take, with the HTTP errors
 * turned into {@link IllegalArgumentException}s carrying the same text.
 */
final class AgentOperations implements Agent {
    private final AgentInfo identity;
    private final LocalAgent local;
    private final Supplier<List<String>> reload;

    /**
     * @param reload reads the config dirs again and returns what could not be loaded (empty if all was)
     */
    AgentOperations(AgentInfo identity, LocalAgent local, Supplier<List<String>> reload) {
        this.identity = identity;
        this.local = local;
        this.reload = reload;
    }

    @Override
    public Member self() {
        AgentSelf.Member member = AgentSelf.Member.of(identity);
        return new Member(member.name(), member.addr(), member.port(), status(member.status()), member.tags());
    }

    @Override
    public List<Member> members() {
        return List.of(self());
    }

    @Override
    public List<ServiceDefinition> services() {
        return local.state().snapshot().services().stream().map(LocalService::definition).toList();
    }

    @Override
    public void registerService(ServiceDefinition service, boolean replaceExistingChecks) {
        refusedAsArgument(() -> local.registerService(service, replaceExistingChecks, Origin.API));
    }

    @Override
    public void deregisterService(String serviceId) {
        refusedAsArgument(() -> local.deregisterService(serviceId));
    }

    @Override
    public List<String> reload() {
        return reload.get();
    }

    @Override
    public void nodeMaintenance(boolean enable, String reason) {
        refusedAsArgument(() -> local.nodeMaintenance(enable, reason == null ? "" : reason));
    }

    @Override
    public void serviceMaintenance(String serviceId, boolean enable, String reason) {
        refusedAsArgument(() -> local.serviceMaintenance(serviceId, enable, reason == null ? "" : reason));
    }

    @Override
    public List<Maintenance> maintenance() {
        // The local state orders checks by ID, and "_node_maintenance" sorts before "_service_maintenance:".
        return local.state().snapshot().checks().stream().filter(c -> c.origin() == Origin.MAINTENANCE)
                .map(c -> new Maintenance(c.serviceId(), c.definition().notes())).toList();
    }

    /** Serf's numeric member status, which {@link MemberStatus} lists in the same order. */
    private static MemberStatus status(int serf) {
        MemberStatus[] all = MemberStatus.values();
        return serf >= 0 && serf < all.length ? all[serf] : MemberStatus.NONE;
    }

    private static void refusedAsArgument(Runnable step) {
        try {
            step.run();
        } catch (HttpException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
