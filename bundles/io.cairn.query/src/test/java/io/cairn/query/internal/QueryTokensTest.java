package io.cairn.query.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.cairn.acl.api.AclNotFoundException;
import io.cairn.acl.testing.FakeAclResolver;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.query.api.PreparedQuery;

/** Whose ACLs an execution answers with: the stored token's, else the caller's (DNS: the default token's). */
class QueryTokensTest {
    private final QueryTokens tokens = new QueryTokens(FakeAclResolver.denyByDefault()
            .token("", "default-accessor", "service \"web\" { policy = \"read\" } node_prefix \"\" { policy = \"read\" }")
            .token("stored", "stored-accessor", "service_prefix \"\" { policy = \"read\" } node \"n2\" { policy = \"read\" }"));
    private final ServiceEntry webOnN1 = QueryTestKit.instance("n1", "web", List.of(), Map.of());
    private final ServiceEntry dbOnN1 = QueryTestKit.instance("n1", "db", List.of(), Map.of());
    private final ServiceEntry dbOnN2 = QueryTestKit.instance("n2", "db", List.of(), Map.of());

    @Test
    void withoutAStoredTokenTheCallersDecides() {
        AtomicBoolean removed = new AtomicBoolean();
        Predicate<ServiceEntry> readable = tokens.readableInstances(QueryTestKit.query("q", "web"),
                () -> tokens.resolve(""), removed);
        assertTrue(readable.test(webOnN1));
        assertFalse(removed.get());
        assertFalse(readable.test(dbOnN1));
        assertTrue(removed.get());
    }

    @Test
    void aStoredTokenDecidesWhateverTheCallerMayRead() {
        PreparedQuery query = withToken(QueryTestKit.query("q", "db"), "stored");
        Predicate<ServiceEntry> readable = tokens.readableInstances(query, () -> tokens.resolve(""),
                new AtomicBoolean());
        assertEquals(List.of(dbOnN2), List.of(webOnN1, dbOnN1, dbOnN2).stream().filter(readable).toList());
    }

    @Test
    void aStoredTokenThatIsGoneIsAclNotFound() {
        PreparedQuery query = withToken(QueryTestKit.query("q", "db"), "deleted");
        assertThrows(AclNotFoundException.class, () -> tokens.readableInstances(query, () -> tokens.resolve(""),
                new AtomicBoolean()));
    }

    private static PreparedQuery withToken(PreparedQuery query, String token) {
        return new PreparedQuery(query.id(), query.name(), query.session(), token, query.template(), query.service(),
                query.dns(), query.createIndex(), query.modifyIndex());
    }
}
