package io.cairn.query.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.cairn.acl.api.AclNotFoundException;
import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.Authorizer;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.query.api.PreparedQuery;

/**
 * Whose ACLs an execution of a prepared query answers with, as Consul's: the token stored with the query, else the
 * caller's (the request's token over HTTP, the agent's default token in DNS). Only instances whose node and
 * service that token may read are answered.
 */
public final class QueryTokens {

    /** How long resolving a stored token may hold the read: a server resolves it from its own state. */
    private static final long RESOLVE_TIMEOUT_SECONDS = 2;

    private final AclResolver resolver;

    public QueryTokens(AclResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * The instances an execution of {@code query} may answer, setting {@code removed} when it leaves one out.
     *
     * @param caller the caller's authorizer, used when the query stores no token
     * @throws AclNotFoundException when the stored token no longer exists
     */
    public Predicate<ServiceEntry> readableInstances(PreparedQuery query, Supplier<Authorizer> caller,
            AtomicBoolean removed) {
        Authorizer acl = query.token().isEmpty() ? caller.get() : resolve(query.token());
        return entry -> {
            boolean readable = acl.nodeRead(entry.node().node()) && acl.serviceRead(entry.service().service());
            if (!readable) {
                removed.set(true);
            }
            return readable;
        };
    }

    /** The authorizer of {@code secret} ({@code ""}: the agent's default token). */
    public Authorizer resolve(String secret) {
        try {
            return resolver.resolve(secret).toCompletableFuture().get(RESOLVE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .authorizer();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted resolving a prepared query's token", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AclNotFoundException notFound) {
                throw notFound;
            }
            throw new IllegalStateException("resolving a prepared query's token failed: " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("resolving a prepared query's token timed out", e);
        }
    }
}
