package io.cairn.shell.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.acl.api.AclToken;
import io.cairn.acl.api.ResolvedToken;
import io.cairn.acl.testing.FakeAclResolver;
import io.cairn.shell.support.testing.ConsoleSessions;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

class ConsoleAclTest {

    private final FakeAclResolver resolver = FakeAclResolver.denyByDefault()
            .token("s3cret", "acc-1", "key_prefix \"app/\" { policy = \"write\" }");

    @Test
    void withoutATokenCommandsRunAsTheDefaultToken() throws CommandException {
        ResolvedToken token = ConsoleAcl.of(ConsoleSessions.empty(), resolver);

        assertEquals(AclToken.ANONYMOUS_ID, token.accessorId());
        assertFalse(token.authorizer().keyRead("app/x"));
    }

    @Test
    void theSessionsTokenDecides() throws CommandException {
        ResolvedToken token = ConsoleAcl.of(ConsoleSessions.withToken("s3cret"), resolver);

        assertTrue(token.authorizer().keyWrite("app/x"));
        assertFalse(token.authorizer().keyWrite("db/x"));
        assertEquals("Permission denied: token with AccessorID 'acc-1' lacks permission 'key:write' on \"db/x\"",
                Failures.fail(token.permissionDenied("key:write", "db/x")).getNiceHelp());
    }

    @Test
    void aSecretNamingNoTokenFailsTheCommand() {
        CommandException e = assertThrows(CommandException.class,
                () -> ConsoleAcl.of(ConsoleSessions.withToken("gone"), resolver));

        assertEquals("Error resolving ACL token: ACL not found", e.getNiceHelp());
    }

    @Test
    void withAclsDisabledEverythingIsAllowed() throws CommandException {
        ResolvedToken token = ConsoleAcl.of(ConsoleSessions.withToken("anything"), FakeAclResolver.disabled());

        assertTrue(token.authorizer().keyWrite("db/x"));
        assertTrue(token.authorizer().agentWrite("node-1"));
    }
}
