package io.cairn.gossip.internal.component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.gossip.api.BroadcastListener;
import io.cairn.gossip.api.Membership;
import io.cairn.gossip.api.MembershipListener;
import io.cairn.gossip.api.QueryHandler;
import io.cairn.gossip.internal.swim.PoolListener;

/**
 * The whiteboard services that hear from the pools, selected by their service properties: every
 * {@link MembershipListener} of the pool (or of all pools without {@value Membership#POOL}), the
 * {@link BroadcastListener}s of the channel and the {@link QueryHandler} of the query name in the pool (LAN when
 * the property is absent). Services may come and go at any time.
 */
final class Whiteboard {
    private static final Logger LOG = LoggerFactory.getLogger(Whiteboard.class);

    private record Entry<T>(T service, Map<String, ?> properties) {
        String property(String name, String absent) {
            Object value = properties.get(name);
            return value == null ? absent : value.toString();
        }
    }

    private final CopyOnWriteArrayList<Entry<MembershipListener>> membershipListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Entry<BroadcastListener>> broadcastListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Entry<QueryHandler>> queryHandlers = new CopyOnWriteArrayList<>();

    void add(MembershipListener listener, Map<String, ?> properties) {
        membershipListeners.add(new Entry<>(listener, properties));
    }

    void remove(MembershipListener listener) {
        membershipListeners.removeIf(e -> e.service() == listener);
    }

    void add(BroadcastListener listener, Map<String, ?> properties) {
        broadcastListeners.add(new Entry<>(listener, properties));
    }

    void remove(BroadcastListener listener) {
        broadcastListeners.removeIf(e -> e.service() == listener);
    }

    void add(QueryHandler handler, Map<String, ?> properties) {
        queryHandlers.add(new Entry<>(handler, properties));
    }

    void remove(QueryHandler handler) {
        queryHandlers.removeIf(e -> e.service() == handler);
    }

    /**
     * What a pool tells the whiteboard.
     *
     * @param internal answers the gossip bundle's own queries (names starting with {@code _cairn-}), if it knows
     *                 the name
     */
    PoolListener listenerFor(String pool, BiFunction<String, byte[], Optional<byte[]>> internal) {
        return new PoolListener() {
            @Override
            public void memberChanged(Member member, MemberStatus previous) {
                for (Entry<MembershipListener> entry : membershipListeners) {
                    if (entry.property(Membership.POOL, pool).equals(pool)) {
                        call(() -> entry.service().memberChanged(pool, member, previous));
                    }
                }
            }

            @Override
            public void memberRemoved(Member member) {
                for (Entry<MembershipListener> entry : membershipListeners) {
                    if (entry.property(Membership.POOL, pool).equals(pool)) {
                        call(() -> entry.service().memberRemoved(pool, member));
                    }
                }
            }

            @Override
            public void broadcastReceived(String channel, String origin, byte[] payload) {
                for (Entry<BroadcastListener> entry : broadcastListeners) {
                    if (entry.property(BroadcastListener.CHANNEL, "").equals(channel)
                            && entry.property(Membership.POOL, Membership.LAN).equals(pool)) {
                        call(() -> entry.service().received(origin, payload.clone()));
                    }
                }
            }

            @Override
            public Optional<byte[]> answerQuery(String name, String origin, byte[] payload) {
                if (name.startsWith(ClusterKeyring.QUERY_PREFIX)) {
                    return internal.apply(name, payload);
                }
                for (Entry<QueryHandler> entry : queryHandlers) {
                    if (entry.property(QueryHandler.NAME, "").equals(name)
                            && entry.property(Membership.POOL, Membership.LAN).equals(pool)) {
                        try {
                            return entry.service().answer(origin, payload.clone());
                        } catch (RuntimeException e) {
                            LOG.warn("The handler of gossip query {} failed", name, e);
                            return Optional.empty();
                        }
                    }
                }
                return Optional.empty();
            }
        };
    }

    private static void call(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("A gossip listener failed", e);
        }
    }
}
