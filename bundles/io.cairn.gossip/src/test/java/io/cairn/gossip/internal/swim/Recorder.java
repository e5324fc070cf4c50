package io.cairn.gossip.internal.swim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;

/** A listener that remembers everything a pool told it, and answers queries with a function of its own. */
final class Recorder implements PoolListener {
    record Change(String member, MemberStatus previous, MemberStatus status) {
    }

    final List<Change> changes = new ArrayList<>();
    final List<String> removed = new ArrayList<>();
    final List<String> broadcasts = new ArrayList<>();
    final Map<String, UnaryOperator<byte[]>> handlers = new HashMap<>();

    @Override
    public void memberChanged(Member member, MemberStatus previous) {
        changes.add(new Change(member.name(), previous, member.status()));
    }

    @Override
    public void memberRemoved(Member member) {
        removed.add(member.name());
    }

    @Override
    public void broadcastReceived(String channel, String origin, byte[] payload) {
        broadcasts.add(channel + "/" + origin + "/" + new String(payload, StandardCharsets.UTF_8));
    }

    @Override
    public Optional<byte[]> answerQuery(String name, String origin, byte[] payload) {
        UnaryOperator<byte[]> handler = handlers.get(name);
        return handler == null ? Optional.empty() : Optional.of(handler.apply(payload));
    }

    /** Whether {@code member} was ever reported with {@code status}. */
    boolean saw(String member, MemberStatus status) {
        return changes.stream().anyMatch(c -> c.member().equals(member) && c.status() == status);
    }

    /** How many times any member was reported failed. */
    long failures() {
        return changes.stream().filter(c -> c.status() == MemberStatus.FAILED).count();
    }
}
