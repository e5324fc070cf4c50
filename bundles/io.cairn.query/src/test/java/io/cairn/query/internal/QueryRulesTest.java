package io.cairn.query.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.query.api.PreparedQuery;
import io.cairn.query.api.QueryDns;
import io.cairn.query.api.QueryFailover;
import io.cairn.query.api.QueryService;

import org.junit.jupiter.api.Test;

class QueryRulesTest {

    private static String refusal(PreparedQuery query) {
        return assertThrows(IllegalArgumentException.class, () -> QueryRules.validate(query)).getMessage();
    }

    @Test
    void needsAServiceAndANameSessionOrTemplate() {
        assertEquals("Invalid prepared query: Must provide a Service name to query",
                refusal(QueryTestKit.query("web", "")));
        assertEquals("Invalid prepared query: Must be bound to a session", refusal(QueryTestKit.query("", "web")));
        assertDoesNotThrow(() -> QueryRules.validate(QueryTestKit.query("web", "web")));
    }

    @Test
    void refusesBadTtlNearestNAndRedactedToken() {
        PreparedQuery base = QueryTestKit.query("web", "web");
        assertEquals("Invalid prepared query: Bad DNS TTL 'soon': time: invalid duration \"soon\"",
                refusal(new PreparedQuery(null, "web", null, null, null, base.service(), new QueryDns("soon"), 0, 0)));
        assertEquals("Invalid prepared query: DNS TTL '-1000000000', must be >=0",
                refusal(new PreparedQuery(null, "web", null, null, null, base.service(), new QueryDns("-1s"), 0, 0)));
        QueryService negative = new QueryService("web", new QueryFailover(-1, null), false, null, null, null, null,
                null, false);
        assertEquals("Invalid prepared query: Bad NearestN '-1', must be >= 0",
                refusal(base.withService(negative)));
        assertEquals("Invalid prepared query: Bad Token '<hidden>', it looks like a query definition with a "
                + "redacted token was submitted",
                refusal(new PreparedQuery(null, "web", null, "<hidden>", null, base.service(), null, 0, 0)));
    }
}
