package io.cairn.acl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.cairn.acl.api.AclNotFoundException;
import io.cairn.acl.api.AclToken;
import io.cairn.acl.api.ResolvedToken;

class FakeAclResolverTest {

    private static ResolvedToken resolve(FakeAclResolver resolver, String secret) {
        return resolver.resolve(secret).toCompletableFuture().join();
    }

    private static void assertNotFound(FakeAclResolver resolver, String secret) {
        CompletionException failed = assertThrows(CompletionException.class, () -> resolve(resolver, secret));
        assertInstanceOf(AclNotFoundException.class, failed.getCause());
    }

    @Test
    void withAclsDisabledEverySecretMayDoAllButManageAcls() {
        FakeAclResolver resolver = FakeAclResolver.disabled();
        assertFalse(resolver.enabled());
        assertEquals("allow", resolver.defaultPolicy());
        assertSame(FakeAclResolver.ACLS_DISABLED, resolve(resolver, "anything"));
        assertTrue(resolve(resolver, "").authorizer().keyWrite("a"));
        assertFalse(resolve(resolver, "").authorizer().aclRead());
    }

    @Test
    void underDenyByDefaultTheEmptySecretIsTheAnonymousTokenAndUnknownSecretsAreNotFound() {
        FakeAclResolver resolver = FakeAclResolver.denyByDefault();
        assertTrue(resolver.enabled());
        assertEquals("deny", resolver.defaultPolicy());
        ResolvedToken anonymous = resolve(resolver, "");
        assertEquals(AclToken.ANONYMOUS_ID, anonymous.accessorId());
        assertTrue(anonymous.anonymous());
        assertFalse(anonymous.authorizer().keyRead("a"));
        assertNotFound(resolver, "nope");
        assertEquals("", resolver.agentSecret());
    }

    @Test
    void aTokenHasItsConsulRulesAndADefaultTokenReplacesTheAnonymousOne() {
        FakeAclResolver resolver = FakeAclResolver.denyByDefault()
                .token("s3cret", "acc-1", "key_prefix \"app/\" { policy = \"write\" }")
                .token("", "default-acc", "key \"shared\" { policy = \"read\" }");
        ResolvedToken token = resolve(resolver, "s3cret");
        assertEquals("acc-1", token.accessorId());
        assertFalse(token.anonymous());
        assertTrue(token.authorizer().keyWrite("app/x"));
        assertFalse(token.authorizer().keyRead("other"));
        ResolvedToken byDefault = resolve(resolver, "");
        assertEquals("default-acc", byDefault.accessorId());
        assertTrue(byDefault.authorizer().keyRead("shared"));
        assertEquals(List.of("s3cret", ""), resolver.asked());
    }

    @Test
    void aDeletedTokenIsNotFound() {
        FakeAclResolver resolver = FakeAclResolver.denyByDefault().token("s3cret", "acc-1", "").deleteToken("")
                .deleteToken("s3cret");
        assertNotFound(resolver, "");
        assertNotFound(resolver, "s3cret");
    }

    @Test
    void resolvingLaterStillAnswersTheToken() {
        FakeAclResolver resolver = FakeAclResolver.denyByDefault().token("s3cret", "acc-1", "").resolvingLater();
        assertEquals("acc-1", resolve(resolver, "s3cret").accessorId());
        assertNotFound(resolver, "nope");
    }

    @Test
    void rulesThatDoNotParseAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FakeAclResolver.authorizer("key {"));
        assertTrue(FakeAclResolver.authorizer("operator = \"read\"").operatorRead());
    }
}
