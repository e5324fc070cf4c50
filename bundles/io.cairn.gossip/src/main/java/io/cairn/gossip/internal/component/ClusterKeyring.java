package io.cairn.gossip.internal.component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.gossip.api.Keyring;
import io.cairn.gossip.api.KeyringAnswer;
import io.cairn.gossip.internal.crypto.GossipKeyring;

/**
 * The cluster's keyring operations, as Serf's key manager does them: each is sent as a query to every member of
 * each pool, each member applies it to its own keyring and answers with its keys (primary first) or its error,
 * and the answers are summed up per pool. Members that do not answer in time are reported by name.
 */
final class ClusterKeyring implements Keyring {
    /** The names of the gossip bundle's own queries start with this; whiteboard handlers never see them. */
    static final String QUERY_PREFIX = "_cairn-keyring-";
    private static final int QUERY_TIMEOUT_MULT = 16;

    /** One pool with the keyring of this agent in it. */
    record Pool(PoolMembership membership, GossipKeyring keyring, boolean wan, String datacenter,
            Duration gossipInterval) {
    }

    private enum Operation { LIST, INSTALL, USE, REMOVE }

    private final List<Pool> pools;

    ClusterKeyring(List<Pool> pools) {
        this.pools = List.copyOf(pools);
    }

    @Override
    public CompletionStage<List<KeyringAnswer>> list() {
        return ask(Operation.LIST, "");
    }

    @Override
    public CompletionStage<List<KeyringAnswer>> install(String key) {
        return ask(Operation.INSTALL, checked(key));
    }

    @Override
    public CompletionStage<List<KeyringAnswer>> use(String key) {
        return ask(Operation.USE, checked(key));
    }

    @Override
    public CompletionStage<List<KeyringAnswer>> remove(String key) {
        return ask(Operation.REMOVE, checked(key));
    }

    /** This member's answer to a keyring query of {@code name} about its {@code keyring}; empty if unknown. */
    static Optional<byte[]> answer(GossipKeyring keyring, String name, byte[] payload) {
        Operation operation;
        try {
            operation = Operation.valueOf(name.substring(QUERY_PREFIX.length()).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String key = new String(payload, StandardCharsets.UTF_8);
        String error = "";
        try {
            switch (operation) {
                case INSTALL -> keyring.install(key);
                case USE -> keyring.use(key);
                case REMOVE -> keyring.remove(key);
                case LIST -> { }
            }
        } catch (IOException | IllegalArgumentException e) {
            error = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        List<String> lines = new ArrayList<>();
        lines.add(error.replace('\n', ' '));
        lines.addAll(keyring.keys());
        return Optional.of(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    private CompletionStage<List<KeyringAnswer>> ask(Operation operation, String key) {
        List<CompletableFuture<KeyringAnswer>> answers = new ArrayList<>();
        for (Pool pool : pools) {
            List<String> asked = pool.membership().members().stream()
                    .filter(m -> m.status() == MemberStatus.ALIVE || m.status() == MemberStatus.LEAVING)
                    .map(Member::name).toList();
            Duration timeout = pool.gossipInterval().multipliedBy(
                    QUERY_TIMEOUT_MULT * (long) Math.ceil(Math.log10(asked.size() + 1.0)));
            answers.add(pool.membership().query(QUERY_PREFIX + operation.name().toLowerCase(java.util.Locale.ROOT),
                    key.getBytes(StandardCharsets.UTF_8), timeout).toCompletableFuture()
                    .thenApply(replies -> sum(pool, asked, replies)));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(done -> answers.stream().map(CompletableFuture::join).toList());
    }

    private static KeyringAnswer sum(Pool pool, List<String> asked, Map<String, byte[]> replies) {
        Map<String, Integer> keys = new TreeMap<>();
        Map<String, Integer> primaries = new TreeMap<>();
        Map<String, String> messages = new TreeMap<>();
        replies.forEach((node, reply) -> {
            List<String> lines = Arrays.asList(new String(reply, StandardCharsets.UTF_8).split("\n", -1));
            if (!lines.get(0).isEmpty()) {
                messages.put(node, lines.get(0));
            }
            if (lines.size() > 1) {
                primaries.merge(lines.get(1), 1, Integer::sum);
                lines.subList(1, lines.size()).forEach(k -> keys.merge(k, 1, Integer::sum));
            }
        });
        asked.stream().filter(node -> !replies.containsKey(node))
                .forEach(node -> messages.put(node, "no answer within the query timeout"));
        return new KeyringAnswer(pool.wan(), pool.datacenter(), keys, primaries, asked.size(), messages);
    }

    private static String checked(String key) {
        GossipKeyring.decodeKey(key);
        return key;
    }
}
