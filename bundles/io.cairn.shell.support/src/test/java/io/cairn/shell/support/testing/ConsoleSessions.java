package io.cairn.shell.support.testing;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import io.cairn.shell.support.ConsoleAcl;

import org.apache.karaf.shell.api.console.Session;

/** Karaf console sessions for the shell bundles' tests: only their variables work, as gogo keeps them. */
public final class ConsoleSessions {

    private ConsoleSessions() {
    }

    /** A session without variables: its commands run as the agent's default token. */
    public static Session empty() {
        Map<String, Object> variables = new HashMap<>();
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> variables.get((String) args[0]);
                    case "put" -> args[1] == null ? variables.remove((String) args[0])
                            : variables.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A session whose commands present {@code secret}, as after {@code acl:token <secret>}. */
    public static Session withToken(String secret) {
        Session session = empty();
        session.put(ConsoleAcl.TOKEN_VARIABLE, secret);
        return session;
    }
}
