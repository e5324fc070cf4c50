package io.cairn.forward.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;

class ServerPoolTest {
    private final List<Member> members = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final ServerPool pool = pool(new SplittableRandom(1));

    private ServerPool pool(RandomGenerator random) {
        return pool(random, false);
    }

    private ServerPool pool(RandomGenerator random, boolean https) {
        return new ServerPool(() -> {
            reads.incrementAndGet();
            return List.copyOf(members);
        }, "dc1", https, nanos::get, random);
    }

    private static Member server(String name, int port) {
        return member(name, MemberStatus.ALIVE, Map.of("role", "consul", "dc", "dc1",
                "http_addr", "127.0.0.1:" + port));
    }

    private static Member member(String name, MemberStatus status, Map<String, String> tags) {
        return new Member(name, "127.0.0.1", 8301, status, tags);
    }

    private void later() {
        nanos.addAndGet(ServerPool.REFRESH.toNanos());
    }

    @Test
    void aClientWithTlsPrefersAServersHttpsListener() {
        members.add(member("both", MemberStatus.ALIVE, Map.of("role", "consul", "dc", "dc1",
                "http_addr", "127.0.0.1:8500", "https_addr", "127.0.0.1:8501")));
        members.add(member("https-only", MemberStatus.ALIVE, Map.of("role", "consul", "dc", "dc1",
                "https_addr", "127.0.0.1:8511")));
        members.add(server("http-only", 8520));
        ServerPool tls = pool(new SplittableRandom(1), true);
        assertEquals(Set.of(new Server("both", "127.0.0.1:8501", true),
                new Server("https-only", "127.0.0.1:8511", true), new Server("http-only", "127.0.0.1:8520")),
                Set.copyOf(tls.servers()));
        assertEquals("https://127.0.0.1:8511/v1/kv/a",
                new Server("https-only", "127.0.0.1:8511", true).uri("/v1/kv/a").toString());
        assertEquals(Set.of(new Server("both", "127.0.0.1:8500"), new Server("http-only", "127.0.0.1:8520")),
                Set.copyOf(pool.servers()), "without TLS of its own a client uses plain HTTP only");
    }

    @Test
    void usesOnlyAliveServersOfThisDatacenterWithAnHttpAddress() {
        members.add(server("s1", 8500));
        members.add(member("client", MemberStatus.ALIVE, Map.of("role", "node", "dc", "dc1",
                "http_addr", "127.0.0.1:9500")));
        members.add(member("failed", MemberStatus.FAILED, Map.of("role", "consul", "dc", "dc1",
                "http_addr", "127.0.0.1:8501")));
        members.add(member("left", MemberStatus.LEFT, Map.of("role", "consul", "dc", "dc1",
                "http_addr", "127.0.0.1:8502")));
        members.add(member("other-dc", MemberStatus.ALIVE, Map.of("role", "consul", "dc", "dc2",
                "http_addr", "127.0.0.1:8503")));
        members.add(member("no-http", MemberStatus.ALIVE, Map.of("role", "consul", "dc", "dc1")));
        members.add(member("bad-http", MemberStatus.ALIVE, Map.of("role", "consul", "dc", "dc1",
                "http_addr", "127.0.0.1:http")));
        assertEquals(List.of(new Server("s1", "127.0.0.1:8500")), pool.servers());
    }

    @Test
    void noServerKnownIsEmpty() {
        assertEquals(Optional.empty(), pool.current());
    }

    @Test
    void keepsTheCurrentServerUntilItFailsThenTakesTheNext() {
        members.addAll(List.of(server("s1", 1), server("s2", 2), server("s3", 3)));
        List<Server> order = pool.servers();
        Server first = pool.current().orElseThrow();
        for (int i = 0; i < 5; i++) {
            later();
            assertEquals(first, pool.current().orElseThrow());
        }
        pool.failed(first, "connection refused");
        assertEquals(order.get(1), pool.current().orElseThrow());
        pool.failed(order.get(1), "connection refused");
        pool.failed(order.get(2), "connection refused");
        assertEquals(first, pool.current().orElseThrow(), "a failed server comes round again");
    }

    @Test
    void aFailureOfAServerNoLongerCurrentChangesNothing() {
        members.addAll(List.of(server("s1", 1), server("s2", 2)));
        Server first = pool.current().orElseThrow();
        pool.failed(first, "timeout");
        Server second = pool.current().orElseThrow();
        pool.failed(first, "timeout");
        assertEquals(second, pool.current().orElseThrow(), "two requests noticing one failure move on once");
    }

    @Test
    void readsTheMembershipAtMostOncePerRefreshAndAtOnceAfterAFailure() {
        members.add(server("s1", 1));
        Server s1 = pool.current().orElseThrow();
        pool.current();
        assertEquals(1, reads.get());
        members.add(server("s2", 2));
        later();
        assertEquals(List.of(s1, new Server("s2", "127.0.0.1:2")), pool.servers(), "a new server joins behind");
        assertEquals(2, reads.get());
        pool.failed(s1, "connection refused");
        pool.current();
        assertEquals(3, reads.get());
    }

    @Test
    void aServerThatLeavesThePoolIsDropped() {
        members.addAll(List.of(server("s1", 1), server("s2", 2)));
        Server first = pool.current().orElseThrow();
        members.removeIf(m -> m.name().equals(first.node()));
        later();
        assertEquals(1, pool.servers().size());
        assertTrue(!pool.current().orElseThrow().equals(first));
        members.clear();
        later();
        assertEquals(Optional.empty(), pool.current());
    }

    @Test
    void clientAgentsStartOnDifferentServers() {
        members.addAll(List.of(server("s1", 1), server("s2", 2), server("s3", 3)));
        Set<Server> firsts = new HashSet<>();
        for (int seed = 0; seed < 30; seed++) {
            firsts.add(pool(new SplittableRandom(seed)).current().orElseThrow());
        }
        assertEquals(3, firsts.size());
    }
}
