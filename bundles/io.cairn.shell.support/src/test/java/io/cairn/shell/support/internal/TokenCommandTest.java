package io.cairn.shell.support.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import io.cairn.acl.api.AclToken;
import io.cairn.acl.testing.FakeAclResolver;
import io.cairn.shell.support.ConsoleAcl;
import io.cairn.shell.support.testing.ConsoleSessions;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

class TokenCommandTest {

    private final Session session = ConsoleSessions.empty();
    private final FakeAclResolver resolver = FakeAclResolver.denyByDefault().token("s3cret", "acc-1", "");
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, UTF_8);

    private TokenCommand token(String secret) {
        TokenCommand command = new TokenCommand();
        command.session = session;
        command.resolver = resolver;
        command.secret = secret;
        return command;
    }

    private String output() {
        return bytes.toString(UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void withoutASecretItShowsTheDefaultTokensAccessorId() throws Exception {
        token(null).run(out);

        assertEquals("AccessorID: " + AclToken.ANONYMOUS_ID + "\n", output());
    }

    @Test
    void aSecretBecomesTheSessionsTokenAndOnlyItsAccessorIdIsShown() throws Exception {
        token("s3cret").run(out);
        token(null).run(out);

        assertEquals("s3cret", session.get(ConsoleAcl.TOKEN_VARIABLE));
        assertEquals("AccessorID: acc-1\nAccessorID: acc-1\n", output());
        assertFalse(output().contains("s3cret"));
    }

    @Test
    void anUnknownSecretIsRefusedAndTheTokenKept() throws Exception {
        token("s3cret").run(out);

        CommandException e = assertThrows(CommandException.class, () -> token("typo").run(out));

        assertEquals("Error resolving ACL token: ACL not found", e.getNiceHelp());
        assertEquals("s3cret", session.get(ConsoleAcl.TOKEN_VARIABLE));
    }

    @Test
    void clearGoesBackToTheDefaultToken() throws Exception {
        token("s3cret").run(out);
        bytes.reset();
        TokenCommand clear = token(null);
        clear.clear = true;
        clear.run(out);

        assertNull(session.get(ConsoleAcl.TOKEN_VARIABLE));
        assertEquals("AccessorID: " + AclToken.ANONYMOUS_ID + "\n", output());
        TokenCommand both = token("s3cret");
        both.clear = true;
        assertEquals("Cannot specify both -clear and a secret",
                assertThrows(CommandException.class, () -> both.run(out)).getNiceHelp());
    }

    @Test
    void withAclsDisabledItSaysSo() throws Exception {
        TokenCommand command = token("anything");
        command.resolver = FakeAclResolver.disabled();
        command.run(out);

        assertEquals("ACL support disabled\n", output());
    }
}
