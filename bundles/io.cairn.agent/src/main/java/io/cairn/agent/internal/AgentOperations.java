package io.cairn.agent.internal;

import java.util.List;
import java.util.function.Supplier;

import io.cairn.agent.api.Agent;
import io.cairn.agent.api.AgentInfo;
import io.cairn.agent.api.Maintenance;
import io.cairn.agent.api.Member;
import io.cairn.gossip.api.Membership;
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
    /** The LAN pool now, or {@code null} while gossip is not running. */
    private final Supplier<Membership> lan;

    /**
     * @param reload reads the config dirs again and returns what could not be loaded (empty if all was)
     */
    AgentOperations(AgentInfo identity, LocalAgent local, Supplier<List<String>> reload, Supplier<Membership> lan) {
        this.identity = identity;
        this.local = local;
        this.reload = reload;
        this.lan = lan;
    }

    /** This agent as the LAN gossip pool knows it; as its configuration says while gossip is not running. */
    @Override
    public Member self() {
        Membership pool = lan.get();
        if (pool != null) {
            return pool.local();
        }
        AgentSelf.Member member = AgentSelf.Member.of(identity);
        return new Member(member.name(), member.addr(), member.port(), status(member.status()), member.tags());
    }

    @Override
    public List<Member> members() {
        Membership pool = lan.get();
        return pool != null ? pool.members() : List.of(self());
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
