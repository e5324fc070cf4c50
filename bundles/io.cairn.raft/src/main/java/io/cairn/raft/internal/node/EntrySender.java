package io.cairn.raft.internal.node;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.StateMachineException;
import org.apache.ratis.rpc.CallId;

import io.cairn.raft.api.NoLeaderException;

/**
 * Delivers log entries to the leader so that each is applied at most once, wherever it was submitted and however
 * often it has to be sent again.
 * <p>
 * An entry gets one Raft invocation id (this server's client id and a call id) when it is first sent and keeps it
 * on every later attempt: to this server while it leads, to the leader another server names, to each peer in turn
 * when nobody answers. A leader that already appended an entry with that id answers a repeat from its retry cache
 * instead of appending it again, and a new leader only takes writes once it has applied its predecessors' entries,
 * which fills that cache on every server. Sending the same commands under a new id, as the Raft client does when
 * it is handed them afresh, is what applied a write twice: the old leader had replicated the first copy before it
 * was paused, the new leader committed it, and the copy sent when the old leader's pending write failed was a
 * second command.
 * <p>
 * Past the deadline (Consul's rpc_hold_timeout) nothing more is sent. An entry that is still waiting for a server's
 * answer then fails with {@link DeliveryTimeoutException}: its outcome is unknown (a copy already in a leader's log
 * may still commit), as with Consul's timeouts, but it is never sent again. One that every server turned away or
 * that reached no server fails with {@link NoLeaderException}, Consul's {@code No cluster leader}. The deadline is
 * within the retry cache's expiry, so every repeat is recognised.
 */
final class EntrySender {

    /** Where entries go: the local Raft division and RPC to the other servers; Ratis in production, fakes in tests. */
    interface Routes {
        RaftPeerId self();

        /** The leader this server knows of, itself included. */
        Optional<RaftPeerId> knownLeader();

        /** The servers of the current configuration. */
        List<RaftPeerId> peers();

        /** Submits to this server's own division. */
        CompletableFuture<RaftClientReply> sendLocal(RaftClientRequest request) throws Exception;

        /** Sends to the server the request names. */
        CompletableFuture<RaftClientReply> sendRemote(RaftClientRequest request) throws Exception;

        /** A send to {@code target} failed in transport: let the RPC layer reconnect if it should. */
        void remoteFailed(RaftPeerId target, Throwable failure);
    }

    /** The entry was not acknowledged before the deadline; it may or may not have been applied. */
    static final class DeliveryTimeoutException extends TimeoutException {
        private static final long serialVersionUID = 1L;

        DeliveryTimeoutException(long millis) {
            super("The write was not acknowledged within " + millis + " ms; it may or may not have been applied");
        }
    }

    private final ClientId clientId;
    private final RaftGroupId groupId;
    private final Routes routes;
    private final ScheduledExecutorService timer;
    private final long deadlineNanos;
    private final long pauseNanos;
    private final LongSupplier nanoClock;
    private final Set<Delivery> underway = ConcurrentHashMap.newKeySet();

    /**
     * @param timer         runs the deadlines and the pauses; it should drop cancelled tasks at once
     *                      ({@link java.util.concurrent.ScheduledThreadPoolExecutor#setRemoveOnCancelPolicy}), since
     *                      every entry's deadline is cancelled when it is answered
     * @param deadlineNanos how long an entry may take, from its first send
     * @param pauseNanos    the wait before sending again when the last attempt said to wait or reached nobody
     */
    EntrySender(ClientId clientId, RaftGroupId groupId, Routes routes, ScheduledExecutorService timer,
            long deadlineNanos, long pauseNanos, LongSupplier nanoClock) {
        this.clientId = clientId;
        this.groupId = groupId;
        this.routes = routes;
        this.timer = timer;
        this.deadlineNanos = deadlineNanos;
        this.pauseNanos = pauseNanos;
        this.nanoClock = nanoClock;
    }

    /** Sends {@code message} as one entry; completes with the leader's reply, or fails at the deadline. */
    CompletableFuture<RaftClientReply> send(Message message) {
        Delivery delivery = new Delivery(message, CallId.getAndIncrement(), nanoClock.getAsLong() + deadlineNanos);
        underway.add(delivery);
        ScheduledFuture<?> expiry;
        try {
            expiry = timer.schedule(delivery::expire, deadlineNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            underway.remove(delivery);
            delivery.result.completeExceptionally(closing);
            return delivery.result;
        }
        // the timer must not hold an answered entry (and its message) until the deadline
        delivery.result.whenComplete((r, failure) -> {
            underway.remove(delivery);
            expiry.cancel(false);
        });
        delivery.attempt(routes.knownLeader().orElse(routes.self()));
        return delivery.result;
    }

    /** Fails every entry still on its way (the server is closing; its timer will send nothing more). */
    void close() {
        for (Delivery delivery : underway) {
            delivery.result.completeExceptionally(new NoLeaderException());
        }
    }

    /** One entry on its way: the same call id on every attempt. */
    private final class Delivery {
        private final Message message;
        private final long callId;
        private final long deadline;
        private final CompletableFuture<RaftClientReply> result = new CompletableFuture<>();
        /** Where the next peer-by-peer attempt goes when nobody names a leader. */
        private int rotation;
        /** Whether the last attempt went straight to the leader another server suggested. */
        private boolean followedSuggestion;
        /** Attempts sent and not answered yet. */
        private final AtomicInteger unanswered = new AtomicInteger();

        Delivery(Message message, long callId, long deadline) {
            this.message = message;
            this.callId = callId;
            this.deadline = deadline;
        }

        void expire() {
            result.completeExceptionally(unanswered.get() > 0
                    ? new DeliveryTimeoutException(TimeUnit.NANOSECONDS.toMillis(deadlineNanos))
                    : new NoLeaderException());
        }

        void attempt(RaftPeerId target) {
            if (result.isDone()) {
                return;
            }
            RaftClientRequest request = RaftClientRequest.newBuilder().setClientId(clientId).setServerId(target)
                    .setGroupId(groupId).setCallId(callId).setMessage(message)
                    .setType(RaftClientRequest.writeRequestType()).build();
            CompletableFuture<RaftClientReply> reply;
            unanswered.incrementAndGet();
            try {
                reply = target.equals(routes.self()) ? routes.sendLocal(request) : routes.sendRemote(request);
            } catch (Exception e) {
                reply = CompletableFuture.failedFuture(e);
            }
            reply.whenComplete((r, failure) -> answered(target, r, failure));
        }

        private void answered(RaftPeerId target, RaftClientReply reply, Throwable failure) {
            unanswered.decrementAndGet();
            if (failure != null) {
                if (!target.equals(routes.self())) {
                    routes.remoteFailed(target, unwrap(failure));
                }
                later(nextPeer(target));
            } else if (reply.isSuccess() || reply.getException() instanceof StateMachineException) {
                // done: applied, or refused by the state machine (the caller reports the refusal)
                result.complete(reply);
            } else if (reply.getNotLeaderException() != null) {
                RaftPeerId suggested = Optional.ofNullable(reply.getNotLeaderException().getSuggestedLeader())
                        .map(p -> p.getId()).orElse(null);
                if (suggested != null && !suggested.equals(target)) {
                    // straight there, unless the last hop was also a suggestion: servers whose views lag may send
                    // an entry back and forth until an election settles
                    followedSuggestion = !followedSuggestion;
                    if (followedSuggestion) {
                        attempt(suggested);
                    } else {
                        later(suggested);
                    }
                } else {
                    later(nextPeer(target));
                }
            } else {
                // not ready yet, stepping down, busy or reconfiguring: the same server again, or the one it knows
                later(routes.knownLeader().orElse(target));
            }
        }

        /** Sends again after a pause, unless the deadline would pass first. */
        private void later(RaftPeerId target) {
            if (nanoClock.getAsLong() + pauseNanos >= deadline) {
                return; // expire() fails it at the deadline
            }
            try {
                timer.schedule(() -> attempt(target), pauseNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                result.completeExceptionally(closing);
            }
        }

        /** The leader this server now knows if it is not {@code failed}, else the peers in turn. */
        private RaftPeerId nextPeer(RaftPeerId failed) {
            Optional<RaftPeerId> leader = routes.knownLeader().filter(l -> !l.equals(failed));
            if (leader.isPresent()) {
                return leader.get();
            }
            List<RaftPeerId> peers = routes.peers().stream().filter(p -> !p.equals(failed)).toList();
            return peers.isEmpty() ? failed : peers.get(Math.floorMod(rotation++, peers.size()));
        }
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
