package io.cairn.dns.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.Authorizer;
import io.cairn.catalog.api.ServiceEntry;

/**
 * Consul's ACL rule for DNS: every question runs as the agent's default token ({@code acl.tokens.default}, else
 * the anonymous token), and a node or service instance that token may not read does not exist to DNS, so a name
 * that only stands for such answers NXDOMAIN with the SOA, like an unknown one. The resolvers that read the
 * catalog ask it once per question.
 */
final class DnsAcl {

    /** Resolving is normally already complete (the resolver caches tokens); the bound only guards a worker. */
    private static final long TIMEOUT_SECONDS = 2;

    private final AclResolver resolver;

    DnsAcl(AclResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * What the default token may read now.
     *
     * @throws IllegalStateException if it cannot be resolved (the question is answered SERVFAIL, as in Consul)
     */
    Authorizer token() {
        try {
            return resolver.resolve("").toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).authorizer();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted resolving the default ACL token", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot resolve the default ACL token: " + e, e);
        }
    }

    /** Whether {@code token} may see the instance: read on its service and on its node. */
    static boolean mayRead(Authorizer token, ServiceEntry entry) {
        return token.serviceRead(entry.service().service()) && token.nodeRead(entry.node().node());
    }
}
