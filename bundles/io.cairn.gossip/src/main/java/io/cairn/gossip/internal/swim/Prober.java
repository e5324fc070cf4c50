package io.cairn.gossip.internal.swim;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cairn.coordinate.Coordinate;
import io.cairn.coordinate.VivaldiClient;
import io.cairn.gossip.internal.clock.Scheduler;
import io.cairn.gossip.internal.swim.MemberTable.Node;
import io.cairn.gossip.internal.swim.Message.Ack;
import io.cairn.gossip.internal.swim.Message.IndirectPing;
import io.cairn.gossip.internal.swim.Message.Nack;
import io.cairn.gossip.internal.swim.Message.Ping;
import io.cairn.gossip.internal.swim.Message.Suspect;
import io.cairn.gossip.internal.transport.Transport;

/**
 * SWIM's failure detector with Lifeguard's refinements: each round probes one member directly; without an ack
 * within the (awareness-stretched) timeout it asks {@code indirectChecks} others to probe it, who answer with a
 * nack if they hear nothing, and optionally tries a stream ping; without any ack by the end of the round the
 * member is suspected and the missing nacks count against this member's own health. Direct acks carry the
 * responder's coordinate and feed the round trip into Vivaldi. Called under the pool's lock only.
 */
final class Prober {
    /** The most probes relayed for others at once; more indirect-probe requests are ignored. */
    static final int MAX_PENDING = 4096;

    private final SwimConfig config;
    private final MemberTable table;
    private final Transport transport;
    private final Scheduler scheduler;
    private final Awareness awareness;
    private final VivaldiClient vivaldi;
    private final Map<Integer, AckHandler> pending = new HashMap<>();
    private int nextSeq;

    private interface AckHandler {
        void ack(Coordinate coordinate);

        void nack();
    }

    /** One round's probe of one member. */
    private final class Probe implements AckHandler {
        final int seq = nextSeq++;
        final String target;
        final long incarnation;
        final long sent = scheduler.nanoTime();
        boolean acked;
        boolean streamAcked;
        int expectedNacks;
        int nacks;

        Probe(Node target) {
            this.target = target.name;
            this.incarnation = target.incarnation;
        }

        @Override
        public void ack(Coordinate coordinate) {
            if (!acked && coordinate != null) {
                Node node = table.node(target);
                Duration rtt = Duration.ofNanos(scheduler.nanoTime() - sent);
                if (node != null) {
                    node.coordinate = coordinate;
                    vivaldi.update(target, coordinate, rtt);
                }
            }
            acked = true;
        }

        @Override
        public void nack() {
            nacks++;
        }
    }

    Prober(SwimConfig config, MemberTable table, Transport transport, Scheduler scheduler, Awareness awareness,
            VivaldiClient vivaldi) {
        this.config = config;
        this.table = table;
        this.transport = transport;
        this.scheduler = scheduler;
        this.awareness = awareness;
        this.vivaldi = vivaldi;
    }

    /**
     * Probes the next member, if there is one to probe.
     *
     * @return when to start the next round
     */
    Duration probeNext() {
        Duration interval = awareness.scale(config.probeInterval());
        Node target = table.nextProbeTarget();
        if (target == null) {
            return interval;
        }
        Probe probe = new Probe(target);
        pending.put(probe.seq, probe);
        InetSocketAddress address = Addresses.socket(target.host, target.port);
        byte[] ping = WireFormat.packet(new Ping(probe.seq, target.name, table.localName()));
        transport.send(address, ping);
        scheduler.schedule(awareness.scale(config.probeTimeout()), () -> {
            if (!probe.acked) {
                probeIndirectly(probe, target, address, ping, interval);
            }
        });
        scheduler.schedule(interval, () -> conclude(probe));
        return interval;
    }

    private void probeIndirectly(Probe probe, Node target, InetSocketAddress address, byte[] ping,
            Duration interval) {
        List<Node> helpers = table.randomNodes(config.indirectChecks(),
                node -> node.state == NodeState.ALIVE && node != target);
        byte[] request = WireFormat.packet(new IndirectPing(probe.seq, target.name, target.host, target.port, true));
        for (Node helper : helpers) {
            transport.send(Addresses.socket(helper.host, helper.port), request);
        }
        probe.expectedNacks = helpers.size();
        if (config.tcpFallbackPing()) {
            Duration remaining = interval.minusNanos(scheduler.nanoTime() - probe.sent);
            transport.exchange(address, ping, remaining).whenComplete((reply, failure) -> {
                if (failure == null) {
                    scheduler.schedule(Duration.ZERO, () -> probe.streamAcked = isAck(reply, probe.seq));
                }
            });
        }
    }

    private void conclude(Probe probe) {
        pending.remove(probe.seq);
        if (probe.acked) {
            awareness.apply(-1);
            return;
        }
        if (probe.streamAcked) {
            return;
        }
        awareness.apply(probe.expectedNacks > 0 ? Math.max(0, probe.expectedNacks - probe.nacks) : 1);
        Node node = table.node(probe.target);
        if (node != null && node.live()) {
            table.suspect(new Suspect(probe.incarnation, probe.target, table.localName()));
        }
    }

    /** Answers a direct probe addressed to this member. */
    void ping(InetSocketAddress from, Ping ping) {
        if (ping.target().equals(table.localName())) {
            transport.send(from, ackPacket(ping));
        }
    }

    /** The answer to a probe that came over a stream, or null if it was meant for another member. */
    byte[] streamPing(Ping ping) {
        return ping.target().equals(table.localName()) ? ackPacket(ping) : null;
    }

    /** Probes a member for another one and relays its ack, or a nack if it does not answer in time. */
    void indirectPing(InetSocketAddress from, IndirectPing request) {
        if (pending.size() >= MAX_PENDING) {
            return;
        }
        int seq = nextSeq++;
        boolean[] answered = new boolean[1];
        pending.put(seq, new AckHandler() {
            @Override
            public void ack(Coordinate coordinate) {
                if (!answered[0]) {
                    answered[0] = true;
                    transport.send(from, WireFormat.packet(new Ack(request.seq(), null)));
                }
            }

            @Override
            public void nack() {
            }
        });
        transport.send(Addresses.socket(request.host(), request.port()),
                WireFormat.packet(new Ping(seq, request.target(), table.localName())));
        scheduler.schedule(config.probeTimeout(), () -> {
            pending.remove(seq);
            if (!answered[0] && request.nack()) {
                transport.send(from, WireFormat.packet(new Nack(request.seq())));
            }
        });
    }

    void ack(Ack ack) {
        AckHandler handler = pending.get(ack.seq());
        if (handler != null) {
            handler.ack(ack.coordinate());
        }
    }

    void nack(Nack nack) {
        AckHandler handler = pending.get(nack.seq());
        if (handler != null) {
            handler.nack();
        }
    }

    /** Forgets the probes in flight: the pool stops. */
    void stop() {
        pending.clear();
    }

    private byte[] ackPacket(Ping ping) {
        return WireFormat.packet(new Ack(ping.seq(), vivaldi.coordinate()));
    }

    private static boolean isAck(byte[] reply, int seq) {
        try {
            return WireFormat.decodeStream(reply) instanceof Ack ack && ack.seq() == seq;
        } catch (MalformedMessageException e) {
            return false;
        }
    }
}
