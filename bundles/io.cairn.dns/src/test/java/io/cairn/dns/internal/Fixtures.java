package io.cairn.dns.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.cairn.dns.api.DnsNameResolver;
import io.cairn.dns.api.DnsTarget;

import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.DClass;

/** Settings, resolvers and a responder for tests, without sockets or a catalog. */
final class Fixtures {

    static final Name CONSUL = Name.fromConstantString("consul.");

    private Fixtures() {
    }

    static DnsSettings settings() {
        return new DnsSettings(CONSUL, Optional.of(Name.fromConstantString("cairn.test.")), "dc1", "server-1", 0, 0,
                3, 0, false, false, List.of(), Duration.ofSeconds(1));
    }

    static DnsTarget instance(String node, String address, int port) {
        return new DnsTarget(DnsTarget.Kind.SERVICE, node, address, address, port, 1, Map.of());
    }

    /** A fixed set of resolvers: {@code service} knows {@code web} (n instances), {@code node} knows server-1. */
    /** A service resolver that knows {@code web} in dc1 only, a node resolver that knows {@code server-1}. */
    static Map<String, DnsNameResolver> resolvers(int webInstances) {
        Map<String, DnsNameResolver> resolvers = new HashMap<>();
        resolvers.put("service", q -> {
            String name = q.labels().get(0).startsWith("_") ? q.labels().get(0).substring(1)
                    : q.labels().get(q.labels().size() - 1);
            if (name.equals("web") && q.datacenter().equals("dc1")) {
                return Optional.of(java.util.stream.IntStream.range(0, webInstances)
                        .mapToObj(i -> instance("node-" + i, "10.0." + (i / 250) + "." + (i % 250 + 1), 8080 + i))
                        .toList());
            }
            if (name.equals("boom")) {
                throw new IllegalStateException("resolver failure");
            }
            return name.equals("empty") ? Optional.of(List.of()) : Optional.empty();
        });
        resolvers.put("node", q -> q.labels().equals(List.of("server-1"))
                ? Optional.of(List.of(new DnsTarget(DnsTarget.Kind.NODE, "server-1", "10.1.1.1", "10.1.1.1", 0, 1,
                        Map.of("rack", "r1"))))
                : Optional.empty());
        resolvers.put("addr", new AddrResolver());
        return resolvers;
    }

    static DnsResponder responder(DnsSettings settings, Map<String, DnsNameResolver> resolvers, Forwarder forwarder) {
        return new DnsResponder(settings, f -> Optional.ofNullable(resolvers.get(f)),
                (address, domain, dc) -> address.getHostAddress().equals("10.1.1.1")
                        ? List.of(Name.fromConstantString("server-1.node.dc1." + domain)) : List.of(),
                forwarder, new Random(7), Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));
    }

    static Message query(String name, int type) {
        return Message.newQuery(Record.newRecord(Name.fromConstantString(name), type, DClass.IN));
    }

    static Message ask(DnsResponder responder, Message query, boolean tcp) throws Exception {
        return new Message(responder.respond(query.toWire(), tcp).orElseThrow());
    }

}
