package io.cairn.raft.internal.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.LeaderNotReadyException;
import org.apache.ratis.protocol.exceptions.NotLeaderException;
import org.apache.ratis.protocol.exceptions.RaftException;
import org.apache.ratis.protocol.exceptions.StateMachineException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cairn.raft.api.NoLeaderException;

/** The sender keeps an entry's invocation id on every attempt, follows leaders, and stops at its deadline. */
class EntrySenderTest {

    private static final RaftGroupId GROUP = RaftGroupId.randomId();
    private static final RaftPeerId S1 = RaftPeerId.valueOf("s1");
    private static final RaftPeerId S2 = RaftPeerId.valueOf("s2");
    private static final RaftPeerId S3 = RaftPeerId.valueOf("s3");
    private static final long PAUSE = TimeUnit.MILLISECONDS.toNanos(5);

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

    {
        timer.setRemoveOnCancelPolicy(true);
    }
    private final ClientId clientId = ClientId.randomId();

    /** Server s1 (this one): answers each request with the next scripted answer for its target. */
    private final class ScriptedRoutes implements EntrySender.Routes {
        final List<RaftClientRequest> sent = new ArrayList<>();
        final Deque<Function<RaftClientRequest, CompletableFuture<RaftClientReply>>> answers = new ArrayDeque<>();
        final List<RaftPeerId> unreachable = new ArrayList<>();
        volatile RaftPeerId leader;

        ScriptedRoutes answer(Function<RaftClientRequest, CompletableFuture<RaftClientReply>> answer) {
            answers.add(answer);
            return this;
        }

        @Override
        public RaftPeerId self() {
            return S1;
        }

        @Override
        public Optional<RaftPeerId> knownLeader() {
            return Optional.ofNullable(leader);
        }

        @Override
        public List<RaftPeerId> peers() {
            return List.of(S1, S2, S3);
        }

        @Override
        public synchronized CompletableFuture<RaftClientReply> sendLocal(RaftClientRequest request) {
            return next(request);
        }

        @Override
        public synchronized CompletableFuture<RaftClientReply> sendRemote(RaftClientRequest request) {
            return next(request);
        }

        private CompletableFuture<RaftClientReply> next(RaftClientRequest request) {
            sent.add(request);
            return answers.isEmpty() ? new CompletableFuture<>() : answers.poll().apply(request);
        }

        @Override
        public synchronized void remoteFailed(RaftPeerId target, Throwable failure) {
            unreachable.add(target);
        }

        synchronized List<RaftClientRequest> sent() {
            return List.copyOf(sent);
        }
    }

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    private EntrySender sender(ScriptedRoutes routes, long deadlineNanos) {
        return new EntrySender(clientId, GROUP, routes, timer, deadlineNanos, PAUSE, System::nanoTime);
    }

    private static CompletableFuture<RaftClientReply> ok(RaftClientRequest r) {
        return CompletableFuture.completedFuture(reply(r).setSuccess().setLogIndex(42).build());
    }

    private static CompletableFuture<RaftClientReply> failing(RaftClientRequest r, RaftException e) {
        return CompletableFuture.completedFuture(reply(r).setException(e).build());
    }

    private static RaftClientReply.Builder reply(RaftClientRequest r) {
        return RaftClientReply.newBuilder().setClientId(r.getClientId()).setServerId(r.getServerId())
                .setGroupId(r.getRaftGroupId()).setCallId(r.getCallId());
    }

    private static NotLeaderException notLeader(RaftPeerId self, RaftPeerId suggested) {
        RaftPeer leader = suggested == null ? null : RaftPeer.newBuilder().setId(suggested).build();
        return new NotLeaderException(RaftGroupMemberId.valueOf(self, GROUP), leader, List.of());
    }

    @Test
    void aLeaderThatLostLeadershipHandsTheSameInvocationToTheOneItNames() throws Exception {
        ScriptedRoutes routes = new ScriptedRoutes();
        routes.leader = S1;
        routes.answer(r -> failing(r, notLeader(S1, S2))).answer(EntrySenderTest::ok);

        RaftClientReply reply = sender(routes, TimeUnit.SECONDS.toNanos(5)).send(Message.valueOf("w"))
                .get(5, TimeUnit.SECONDS);

        assertTrue(reply.isSuccess());
        List<RaftClientRequest> sent = routes.sent();
        assertEquals(List.of(S1, S2), sent.stream().map(RaftClientRequest::getServerId).toList());
        // one invocation: Ratis' retry cache on s2 answers it if s1 had replicated it before stepping down
        assertEquals(sent.get(0).getCallId(), sent.get(1).getCallId());
        assertEquals(clientId, sent.get(1).getClientId());
        assertEquals(sent.get(0).getMessage(), sent.get(1).getMessage());
    }

    @Test
    void unreachableServersAndNotReadyLeadersAreRetriedWithTheSameInvocation() throws Exception {
        ScriptedRoutes routes = new ScriptedRoutes();
        routes.leader = S2;
        routes.answer(r -> CompletableFuture.failedFuture(new IOException("connection refused")))
                .answer(r -> failing(r, notLeader(S3, null)))
                .answer(r -> failing(r, new LeaderNotReadyException(RaftGroupMemberId.valueOf(S1, GROUP))))
                .answer(EntrySenderTest::ok);
        routes.leader = S2;

        RaftClientReply reply = sender(routes, TimeUnit.SECONDS.toNanos(5)).send(Message.valueOf("w"))
                .get(5, TimeUnit.SECONDS);

        assertTrue(reply.isSuccess());
        List<RaftClientRequest> sent = routes.sent();
        assertEquals(4, sent.size());
        assertEquals(S2, sent.get(0).getServerId());
        assertEquals(List.of(S2), routes.unreachable);
        assertTrue(sent.stream().allMatch(r -> r.getCallId() == sent.get(0).getCallId()), "one call id");
        // each entry gets its own call id
        CompletableFuture<RaftClientReply> another = sender(routes.answer(EntrySenderTest::ok), TimeUnit.SECONDS
                .toNanos(5)).send(Message.valueOf("x"));
        assertTrue(another.get(5, TimeUnit.SECONDS).isSuccess());
        assertTrue(routes.sent().get(4).getCallId() != sent.get(0).getCallId());
    }

    @Test
    void anAnsweredEntryLeavesNothingOnTheTimer() throws Exception {
        ScriptedRoutes routes = new ScriptedRoutes();
        routes.leader = S1;
        routes.answer(EntrySenderTest::ok);

        assertTrue(sender(routes, TimeUnit.SECONDS.toNanos(20)).send(Message.valueOf("w")).get(5, TimeUnit.SECONDS)
                .isSuccess());

        // its deadline is cancelled: the timer does not keep the entry (and its message) for 20 s
        assertEquals(0, timer.getQueue().size());
    }

    @Test
    void aRefusalByTheStateMachineIsAnAnswerNotARetry() throws Exception {
        ScriptedRoutes routes = new ScriptedRoutes();
        routes.leader = S1;
        StateMachineException refused = new StateMachineException("refused");
        routes.answer(r -> failing(r, refused));

        RaftClientReply reply = sender(routes, TimeUnit.SECONDS.toNanos(5)).send(Message.valueOf("w"))
                .get(5, TimeUnit.SECONDS);

        assertSame(refused, reply.getException());
        Thread.sleep(50);
        assertEquals(1, routes.sent().size());
    }

    @Test
    void nothingIsSentAfterTheDeadlineAndAWriteNoServerTookFailsAsNoLeader() throws Exception {
        ScriptedRoutes routes = new ScriptedRoutes();
        for (int i = 0; i < 1000; i++) {
            routes.answer(r -> CompletableFuture.failedFuture(new IOException("nobody there")));
        }

        CompletableFuture<RaftClientReply> reply = sender(routes, TimeUnit.MILLISECONDS.toNanos(200))
                .send(Message.valueOf("w"));

        ExecutionException failure = assertThrows(ExecutionException.class, () -> reply.get(5, TimeUnit.SECONDS));
        assertInstanceOf(NoLeaderException.class, failure.getCause());
        int attempts = routes.sent().size();
        assertTrue(attempts > 1, "it retried before the deadline: " + attempts);
        Thread.sleep(100);
        assertEquals(attempts, routes.sent().size(), "no attempt after the deadline");
    }

    /** A server took it and did not answer: it may yet commit, so the outcome is unknown. */
    @Test
    void anAttemptThatNeverAnswersFailsAtTheDeadlineAsUnknown() {
        ScriptedRoutes routes = new ScriptedRoutes();
        routes.leader = S1;

        CompletableFuture<RaftClientReply> reply = sender(routes, TimeUnit.MILLISECONDS.toNanos(100))
                .send(Message.valueOf("w"));

        ExecutionException failure = assertThrows(ExecutionException.class, () -> reply.get(5, TimeUnit.SECONDS));
        assertInstanceOf(EntrySender.DeliveryTimeoutException.class, failure.getCause());
        assertEquals(1, routes.sent().size());
    }
}
