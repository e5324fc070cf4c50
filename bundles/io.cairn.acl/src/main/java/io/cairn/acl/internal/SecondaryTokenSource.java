package io.cairn.acl.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.cairn.acl.api.AclNotFoundException;

/**
 * The {@link TokenSource} of a server in a secondary datacenter: its replicated tables first, then, for a secret
 * they do not hold (replication behind, token replication off), the primary datacenter, as Consul's secondaries
 * resolve tokens remotely. What the primary grants is kept for at most {@code acl.token_ttl}; when the primary
 * cannot be reached its {@code down_policy} decides ({@link RemoteTokenSource}).
 */
final class SecondaryTokenSource implements TokenSource {

    private final TokenSource replicated;
    private final TokenSource primary;
    private final Duration tokenTtl;
    private final Clock clock;

    SecondaryTokenSource(TokenSource replicated, TokenSource primary, Duration tokenTtl, Clock clock) {
        this.replicated = replicated;
        this.primary = primary;
        this.tokenTtl = tokenTtl;
        this.clock = clock;
    }

    /** The replicated tables' version: a grant of the primary expires by itself ({@link #grant}). */
    @Override
    public long version() {
        return replicated.version();
    }

    @Override
    public CompletionStage<Grant> grant(String secretId) {
        return replicated.grant(secretId).handle((grant, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedStage(grant);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof AclNotFoundException) {
                return primary.grant(secretId).thenApply(this::forAtMostTheTtl);
            }
            return CompletableFuture.<Grant>failedStage(cause);
        }).thenCompose(stage -> stage);
    }

    private Grant forAtMostTheTtl(Grant grant) {
        Instant ttlEnd = clock.instant().plus(tokenTtl);
        Instant expiresAt = grant.expiresAt() == null || grant.expiresAt().isAfter(ttlEnd) ? ttlEnd
                : grant.expiresAt();
        return new Grant(grant.accessorId(), expiresAt, grant.rules());
    }
}
