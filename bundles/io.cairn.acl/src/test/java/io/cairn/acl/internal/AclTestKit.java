package io.cairn.acl.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.cairn.acl.api.AclLink;
import io.cairn.acl.api.AclPolicy;
import io.cairn.acl.api.AclRole;
import io.cairn.acl.api.AclToken;
import io.cairn.acl.rules.DefaultPolicy;
import io.cairn.raft.testing.FakeRaft;

/** A one-server Raft with the real ACL handler, a clock tests move, and builders of records. */
public final class AclTestKit {

    public final FakeRaft raft = new FakeRaft();
    public final MovableClock clock = new MovableClock();
    public final AclWrites writes = new AclWrites(raft);

    public AclTestKit() {
        raft.handle(AclCommandHandler.COMMAND_TYPE, new AclCommandHandler());
    }

    /** Settings with ACLs enabled under {@code defaultPolicy} and {@code initialManagement} (may be ""). */
    public static AclSettings enabled(DefaultPolicy defaultPolicy, String initialManagement) {
        return new AclSettings(true, defaultPolicy, "extend-cache", Duration.ofSeconds(30), false, initialManagement,
                AgentTokens.Values.NONE);
    }

    /** Runs one round of the leader task on this (leading) server. */
    public void leaderRound(AclSettings settings) {
        raft.setLeader(true);
        new AclLeader(raft, settings, false, clock).tick();
    }

    public static AclPolicy policy(String id, String name, String rules) {
        return new AclPolicy(id, name, "", rules, null, null, 0, 0);
    }

    public static AclRole role(String id, String name, AclLink... policies) {
        return new AclRole(id, name, "", List.of(policies), null, null, null, 0, 0);
    }

    public static AclToken token(String accessor, String secret, AclLink... policies) {
        return new AclToken(accessor, secret, "", List.of(policies), null, null, null, false, null,
                "2026-01-01T00:00:00Z", null, 0, 0);
    }

    public static AclLink byName(String name) {
        return new AclLink(null, name);
    }

    public static AclLink byId(String id) {
        return new AclLink(id, null);
    }

    public static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    /** The message of the refusal {@code stage} fails with. */
    public static String refusal(CompletionStage<?> stage) {
        try {
            join(stage);
        } catch (CompletionException e) {
            return e.getCause().getMessage();
        }
        throw new AssertionError("not refused");
    }

    /** A clock that stands still until moved. */
    public static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-06-01T12:00:00Z");

        public void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
