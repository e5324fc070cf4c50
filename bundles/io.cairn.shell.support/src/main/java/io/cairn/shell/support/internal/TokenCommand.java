package io.cairn.shell.support.internal;

import java.io.PrintStream;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.ResolvedToken;
import io.cairn.shell.support.ConsoleAcl;
import io.cairn.shell.support.Failures;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code acl:token [secret]}: the ACL token this console session's commands run as, as {@code -token} is for a
 * CLI command. With a secret (which must name a live token) it becomes the session's token; with {@code --clear}
 * the commands go back to the agent's default token. Either way it prints the token's accessor ID, never the
 * secret.
 */
@Command(scope = "acl", name = "token", description = "Sets or shows the ACL token this console session acts as")
@Service
public class TokenCommand implements Action {

    @Reference
    Session session;

    @Reference
    AclResolver resolver;

    @Argument(index = 0, name = "secret", description = "The token's secret ID (shows the current token if omitted)")
    String secret;

    @Option(name = "--clear", aliases = "-clear", description = "Go back to the agent's default token")
    boolean clear;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws Exception {
        if (clear && secret != null) {
            throw Failures.fail("Cannot specify both -clear and a secret");
        }
        if (clear) {
            session.put(ConsoleAcl.TOKEN_VARIABLE, null);
        }
        ResolvedToken token = secret == null ? ConsoleAcl.of(session, resolver)
                : ConsoleAcl.resolve(secret, resolver);
        if (secret != null) {
            session.put(ConsoleAcl.TOKEN_VARIABLE, secret);
        }
        out.println(resolver.enabled() ? "AccessorID: " + token.accessorId() : AclResolver.ACL_DISABLED);
    }
}
