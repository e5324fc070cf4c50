package io.cairn.query.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletionException;

import io.cairn.query.api.PreparedQuery;
import io.cairn.query.api.QueryTemplate;
import io.cairn.raft.api.Consistency;
import io.cairn.session.api.Sessions;

import org.junit.jupiter.api.Test;

class QueryStoreTest {

    private final QueryTestKit kit = new QueryTestKit();

    private String refusal(java.util.concurrent.CompletionStage<?> stage) {
        CompletionException e = assertThrows(CompletionException.class, () -> kit.join(stage));
        return e.getCause().getMessage();
    }

    @Test
    void createReadUpdateDeleteWithIndexes() {
        String id = kit.join(kit.queries.create(QueryTestKit.query("web", "web")));
        PreparedQuery stored = QueryStore.get(kit.raft.state(), id).orElseThrow();
        assertEquals("web", stored.name());
        assertEquals(stored.createIndex(), stored.modifyIndex());
        kit.join(kit.queries.update(QueryTestKit.query("web2", "web").withId(id, 0, 0)));
        PreparedQuery updated = QueryStore.get(kit.raft.state(), id).orElseThrow();
        assertEquals("web2", updated.name());
        assertEquals(stored.createIndex(), updated.createIndex());
        assertTrue(updated.modifyIndex() > stored.modifyIndex());
        kit.join(kit.queries.delete(id));
        assertTrue(kit.join(kit.queries.list(Consistency.DEFAULT)).isEmpty());
    }

    @Test
    void refusesClashesAsConsulDoes() {
        String id = kit.join(kit.queries.create(QueryTestKit.query("web", "web")));
        assertEquals("name 'WEB' aliases an existing query name",
                refusal(kit.queries.create(QueryTestKit.query("WEB", "web"))));
        assertEquals("name '" + id + "' aliases an existing query ID",
                refusal(kit.queries.create(QueryTestKit.query(id, "web"))));
        assertEquals("Cannot modify non-existent prepared query: 'nope'",
                refusal(kit.queries.update(QueryTestKit.query("x", "web").withId("nope", 0, 0))));
        PreparedQuery bound = new PreparedQuery(null, "db", "no-such-session", null, null,
                QueryTestKit.query("db", "db").service(), null, 0, 0);
        assertEquals("invalid session \"no-such-session\"", refusal(kit.queries.create(bound)));
        kit.join(kit.queries.create(QueryTestKit.template("", "", "${name.full}", List.of())));
        assertEquals("a query template with an empty name already exists",
                refusal(kit.queries.create(QueryTestKit.template("", "", "x", List.of()))));
        assertEquals(2, kit.join(kit.queries.list(Consistency.DEFAULT)).size());
    }

    @Test
    void refusesBadTemplates() {
        PreparedQuery badType = new PreparedQuery(null, "geo-", null, null, new QueryTemplate("prefix", "", false),
                QueryTestKit.query("", "web").service(), null, 0, 0);
        assertEquals("failed compiling template: Bad Template.Type 'prefix'", refusal(kit.queries.create(badType)));
        assertTrue(refusal(kit.queries.create(QueryTestKit.template("geo-", "(", "web", List.of())))
                .startsWith("failed compiling template: Bad Regexp: "));
        assertEquals("failed compiling template: Bad evaluation for '${name.nope}' in Service.Service: unknown "
                + "variable accessed: name.nope",
                refusal(kit.queries.create(QueryTestKit.template("geo-", "", "${name.nope}", List.of()))));
    }

    @Test
    void queriesGoWithTheirSession() {
        kit.raft.state().next().put(Sessions.TABLE, "s1", new byte[0]);
        PreparedQuery bound = new PreparedQuery(null, "", "s1", null, null, QueryTestKit.query("", "db").service(),
                null, 0, 0);
        kit.join(kit.queries.create(bound));
        kit.join(kit.queries.create(QueryTestKit.query("web", "web")));
        assertTrue(QueryStore.orphans(kit.raft.state()).isEmpty());
        kit.raft.state().next().delete(Sessions.TABLE, "s1");
        assertEquals(1, QueryStore.orphans(kit.raft.state()).size());
        kit.raft.setLeader(true);
        new SessionReaper(kit.raft).tick();
        List<PreparedQuery> left = QueryStore.list(kit.raft.state());
        assertEquals(List.of("web"), left.stream().map(PreparedQuery::name).toList());
    }

    @Test
    void resolvesIdThenNameThenLongestTemplatePrefix() {
        String plain = kit.join(kit.queries.create(QueryTestKit.query("geo-db-special", "special")));
        String wild = kit.join(kit.queries.create(QueryTestKit.template("", "", "any-${name.full}", List.of())));
        kit.join(kit.queries.create(QueryTestKit.template("geo-", "", "short", List.of())));
        kit.join(kit.queries.create(QueryTestKit.template("geo-db-", "^geo-db-(.+?)-(master|replica)$",
                "${match(1)}", List.of("${match(2)}", "${match(3)}", "v-${name.suffix}"))));
        assertEquals("special", explain(plain).service().service());
        assertEquals("special", explain("GEO-DB-SPECIAL").service().service());
        PreparedQuery rendered = explain("geo-db-customer-replica");
        assertEquals("customer", rendered.service().service());
        assertEquals(List.of("replica", "v-customer-replica"), rendered.service().tags(), "empty tags removed");
        assertEquals("short", explain("geo-web").service().service());
        assertEquals("any-other", explain("other").service().service());
        CompletionException e = assertThrows(CompletionException.class,
                () -> kit.join(kit.queries.explain(wild, Consistency.DEFAULT)));
        assertEquals("prepared query templates can only be resolved up by name, not by ID", e.getCause().getMessage());
    }

    private PreparedQuery explain(String idOrName) {
        return kit.join(kit.queries.explain(idOrName, Consistency.DEFAULT)).orElseThrow();
    }
}
