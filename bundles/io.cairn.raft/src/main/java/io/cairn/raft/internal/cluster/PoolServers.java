package io.cairn.raft.internal.cluster;

import java.util.List;
import java.util.Map;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.gossip.api.Membership;

/**
 * The servers of the LAN gossip pool: alive members with Consul's {@code role=consul} tag in this datacenter, their
 * Raft address being the member address and the {@code port} tag; the tag {@code raft=formed} says a server
 * belongs to a Raft group.
 */
public final class PoolServers implements ServerDirectory {
    static final String FORMED_TAG = "raft";
    static final String FORMED = "formed";

    private final Membership lan;
    private final String datacenter;

    public PoolServers(Membership lan, String datacenter) {
        this.lan = lan;
        this.datacenter = datacenter;
    }

    @Override
    public List<KnownServer> servers() {
        return lan.members().stream()
                .filter(m -> m.status() == MemberStatus.ALIVE && m.server()
                        && datacenter.equals(m.tags().get("dc")) && m.tags().containsKey("port"))
                .map(PoolServers::known).toList();
    }

    private static KnownServer known(Member member) {
        return new KnownServer(member.name(), member.address() + ":" + member.tags().get("port"),
                FORMED.equals(member.tags().get(FORMED_TAG)));
    }

    @Override
    public void announceFormed() {
        lan.updateTags(Map.of(FORMED_TAG, FORMED));
    }
}
