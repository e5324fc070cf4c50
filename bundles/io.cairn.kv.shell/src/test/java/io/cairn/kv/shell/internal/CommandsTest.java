package io.cairn.kv.shell.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.testing.FakeAclResolver;
import io.cairn.kv.api.KvText;
import io.cairn.shell.support.testing.ConsoleSessions;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

class CommandsTest {

    private final InMemoryKvStore store = new InMemoryKvStore();
    private AclResolver resolver = FakeAclResolver.disabled();
    private Session session = ConsoleSessions.empty();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, UTF_8);

    private String output() {
        return bytes.toString(UTF_8).replace(System.lineSeparator(), "\n");
    }

    private PutCommand put(String key, String value) {
        PutCommand c = new PutCommand();
        c.store = store;
        c.resolver = resolver;
        c.session = session;
        c.key = key;
        c.value = value;
        return c;
    }

    private GetCommand get(String key) {
        GetCommand c = new GetCommand();
        c.store = store;
        c.resolver = resolver;
        c.session = session;
        c.key = key;
        return c;
    }

    private DeleteCommand delete(String key) {
        DeleteCommand c = new DeleteCommand();
        c.store = store;
        c.resolver = resolver;
        c.session = session;
        c.key = key;
        return c;
    }

    private static String failure(ThrowingRun run) {
        return assertThrows(CommandException.class, run::run).getNiceHelp();
    }

    interface ThrowingRun {
        void run() throws Exception;
    }

    @Test
    void putThenGet() throws Exception {
        PutCommand p = put("app/name", "cairn");
        p.flags = "18446744073709551615";
        p.run(out);
        get("app/name").run(out);
        assertEquals("Success! Data written to: app/name\ncairn\n", output());
        assertEquals(-1L, store.entries.get("app/name").flags());
    }

    @Test
    void putBase64AndCas() throws Exception {
        PutCommand p = put("k", "aGk=");
        p.base64 = true;
        p.cas = true;
        p.run(out);
        assertArrayEquals("hi".getBytes(UTF_8), store.entries.get("k").value());
        PutCommand again = put("k", "x");
        again.cas = true;
        assertEquals("Error! Did not write to k: CAS failed", failure(() -> again.run(out)));
        PutCommand bad = put("k", "!!");
        bad.base64 = true;
        assertTrue(failure(() -> bad.run(out)).startsWith("Error! Cannot base 64 decode data: "));
    }

    @Test
    void getMissingKeyAndLeaderLoss() throws Exception {
        assertEquals("Error! No key exists at: nope", failure(() -> get("nope").run(out)));
        store.leaderless = true;
        assertEquals("Error querying Consul agent: No cluster leader", failure(() -> get("nope").run(out)));
        assertEquals("Error! Failed writing data: No cluster leader", failure(() -> put("a", "b").run(out)));
    }

    @Test
    void getRecurseKeysAndDetailed() throws Exception {
        put("a/b", "1").run(out);
        put("a/c/d", "2").run(out);
        bytes.reset();
        GetCommand recurse = get("a/");
        recurse.recurse = true;
        recurse.run(out);
        GetCommand keys = get("a/");
        keys.keys = true;
        keys.run(out);
        GetCommand detailed = get("a/b");
        detailed.detailed = true;
        detailed.run(out);
        assertEquals("a/b:1\na/c/d:2\na/b\na/c/\n" + KvText.detailed(store.entries.get("a/b"), false) + "\n",
                output());
    }

    @Test
    void getRecurseBase64() throws Exception {
        put("a/b", "v").run(out);
        bytes.reset();
        GetCommand recurse = get("a/");
        recurse.recurse = true;
        recurse.base64 = true;
        recurse.run(out);
        assertEquals("a/b:dg==\n", output());
    }

    @Test
    void deleteKeyPrefixAndCas() throws Exception {
        put("a/b", "1").run(out);
        put("a/c", "2").run(out);
        put("x", "3").run(out);
        bytes.reset();
        DeleteCommand cas = delete("x");
        cas.cas = true;
        cas.modifyIndex = 1;
        assertEquals("Error! Did not delete key x: CAS failed", failure(() -> cas.run(out)));
        cas.modifyIndex = 3;
        cas.run(out);
        DeleteCommand tree = delete("a/");
        tree.recurse = true;
        tree.run(out);
        assertEquals("Success! Deleted key: x\nSuccess! Deleted keys with prefix: a/\n", output());
        assertTrue(store.entries.isEmpty());
        DeleteCommand both = delete("a/");
        both.recurse = true;
        both.cas = true;
        assertEquals("Cannot specify both -cas and -recurse!", failure(() -> both.run(out)));
    }

    @Test
    void exportThenImport() throws Exception {
        put("a", "v").run(out);
        put("b", "w").run(out);
        bytes.reset();
        ExportCommand export = new ExportCommand();
        export.store = store;
        export.resolver = resolver;
        export.session = session;
        export.run(out);
        String document = output();
        assertEquals(KvText.export(store.list("", null).toCompletableFuture().join()) + "\n", document);
        store.entries.clear();
        bytes.reset();
        ImportCommand importer = new ImportCommand();
        importer.store = store;
        importer.resolver = resolver;
        importer.session = session;
        importer.data = document;
        importer.run(out);
        assertEquals("Imported: a\nImported: b\n", output());
        assertArrayEquals("w".getBytes(UTF_8), store.entries.get("b").value());
        importer.data = "nonsense";
        assertTrue(failure(() -> importer.run(out)).startsWith("Cannot unmarshal data: "));
    }

    /** Runs the next commands as a token that may write under {@code app/} and read {@code pub/} only. */
    private void actAsAppToken() {
        resolver = FakeAclResolver.denyByDefault().token("app-secret", "app-accessor",
                "key_prefix \"app/\" { policy = \"write\" }\nkey_prefix \"pub/\" { policy = \"read\" }\n"
                        + "key \"app/locked\" { policy = \"read\" }");
        session = ConsoleSessions.withToken("app-secret");
    }

    private static String denied(String permission, String key) {
        return "Permission denied: token with AccessorID 'app-accessor' lacks permission '" + permission + "' on \""
                + key + "\"";
    }

    @Test
    void aclAllowsWritesAndReadsTheTokenHasRulesFor() throws Exception {
        actAsAppToken();
        put("app/name", "cairn").run(out);
        get("app/name").run(out);
        delete("app/name").run(out);
        assertEquals("Success! Data written to: app/name\ncairn\nSuccess! Deleted key: app/name\n", output());
    }

    @Test
    void aclDeniedWritesChangeNothing() throws Exception {
        put("pub/motd", "hi").run(out);
        put("app/locked", "1").run(out);
        actAsAppToken();
        assertEquals(denied("key:write", "pub/motd"), failure(() -> put("pub/motd", "changed").run(out)));
        assertEquals(denied("key:write", "pub/motd"), failure(() -> delete("pub/motd").run(out)));
        DeleteCommand tree = delete("app/");
        tree.recurse = true;
        assertEquals(denied("key:write", "app/"), failure(() -> tree.run(out)));
        ImportCommand importer = new ImportCommand();
        importer.store = store;
        importer.resolver = resolver;
        importer.session = session;
        importer.data = "[{\"key\":\"app/new\",\"flags\":0,\"value\":\"\"},"
                + "{\"key\":\"secret/x\",\"flags\":0,\"value\":\"\"}]";
        assertEquals(denied("key:write", "secret/x"), failure(() -> importer.run(out)));
        assertEquals(List.of("app/locked", "pub/motd"), List.copyOf(store.entries.keySet()));
        assertArrayEquals("hi".getBytes(UTF_8), store.entries.get("pub/motd").value());
    }

    @Test
    void aclDeniedReadFailsWithConsulsText() throws Exception {
        put("secret/x", "1").run(out);
        actAsAppToken();
        assertEquals(denied("key:read", "secret/x"), failure(() -> get("secret/x").run(out)));
        assertEquals(denied("key:read", "nope"), failure(() -> get("nope").run(out)));
    }

    @Test
    void withoutATokenCommandsRunAsAnonymous() throws Exception {
        resolver = FakeAclResolver.denyByDefault();
        assertTrue(failure(() -> put("a", "b").run(out))
                .startsWith("Permission denied: anonymous token lacks permission 'key:write' on \"a\"."));
        assertTrue(store.entries.isEmpty());
    }

    @Test
    void aclFiltersListingsAndExports() throws Exception {
        put("app/a", "1").run(out);
        put("pub/b", "2").run(out);
        put("secret/c", "3").run(out);
        put("secret/d/e", "4").run(out);
        actAsAppToken();
        bytes.reset();
        GetCommand recurse = get("");
        recurse.recurse = true;
        recurse.run(out);
        GetCommand keys = get("");
        keys.keys = true;
        keys.run(out);
        assertEquals("app/a:1\npub/b:2\napp/\npub/\n", output());
        bytes.reset();
        ExportCommand export = new ExportCommand();
        export.store = store;
        export.resolver = resolver;
        export.session = session;
        export.run(out);
        assertEquals(KvText.export(List.of(store.entries.get("app/a"), store.entries.get("pub/b"))) + "\n",
                output());
    }

    @Test
    void anUnknownSessionTokenFailsEveryCommand() {
        resolver = FakeAclResolver.denyByDefault();
        session = ConsoleSessions.withToken("gone");
        assertEquals("Error resolving ACL token: ACL not found", failure(() -> get("a").run(out)));
    }
}
