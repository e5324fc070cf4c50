package io.cairn.shell.support;

import java.time.Duration;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.ResolvedToken;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;

/**
 * The ACL token a console command runs as, as a CLI user acts as {@code -token}: the secret {@code acl:token} put
 * into the console session, else none, which the resolver answers with the agent's default token (the anonymous
 * token without one), exactly as it answers an HTTP request without a token. A command asks what its HTTP
 * counterpart asks, before it changes anything:
 *
 * <pre>
 * ResolvedToken token = ConsoleAcl.of(session, resolver);
 * if (!token.authorizer().keyWrite(key)) {
 *     throw Failures.fail(token.permissionDenied("key:write", key));
 * }
 * </pre>
 */
public final class ConsoleAcl {

    /** The console session variable holding the secret commands present; unset for the agent's default token. */
    public static final String TOKEN_VARIABLE = "cairn.acl.token";

    /** How long a command waits for its token: a client agent may have to ask a server. */
    private static final Duration RESOLVE_TIMEOUT = Duration.ofSeconds(10);

    private ConsoleAcl() {
    }

    /**
     * The token the commands of {@code session} run as.
     *
     * @throws CommandException {@code Error resolving ACL token: } followed by the resolver's reason
     *                          ({@code ACL not found} for a secret that names no live token) or by
     *                          {@code timed out after 10s}
     */
    public static ResolvedToken of(Session session, AclResolver resolver) throws CommandException {
        return resolve(secret(session), resolver);
    }

    /** The secret {@code acl:token} set in {@code session}; {@code ""} for none. */
    private static String secret(Session session) {
        Object secret = session.get(TOKEN_VARIABLE);
        return secret == null ? "" : secret.toString();
    }

    /** The token {@code secret} names ({@code ""}: the agent's default token), failing as {@link #of} fails. */
    public static ResolvedToken resolve(String secret, AclResolver resolver) throws CommandException {
        return Stages.await(resolver.resolve(secret), "Error resolving ACL token: ", RESOLVE_TIMEOUT);
    }
}
