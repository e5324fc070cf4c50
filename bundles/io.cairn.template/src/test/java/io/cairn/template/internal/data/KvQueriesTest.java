package io.cairn.template.internal.data;

import static io.cairn.template.internal.data.HealthServiceQueryTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class KvQueriesTest {

    /** "service/redis/maxconns" = "15", as GET /v1/kv returns it (value base64). */
    static final String ONE = """
            [{"LockIndex": 0, "Key": "service/redis/maxconns", "Flags": 0, "Value": "MTU=",
              "CreateIndex": 10, "ModifyIndex": 12}]""";

    static final String TREE = """
            [{"Key": "app/", "Value": null, "CreateIndex": 3, "ModifyIndex": 3, "LockIndex": 0, "Flags": 0},
             {"Key": "app/name", "Value": "aG9wc2NvdGNo", "CreateIndex": 4, "ModifyIndex": 8, "LockIndex": 1,
              "Flags": 42, "Session": "adf4238a-882b-9ddc-4a9d-5b6758e4159e"},
             {"Key": "app/db/", "Value": null, "CreateIndex": 5, "ModifyIndex": 5},
             {"Key": "app/db/host", "Value": "ZGIubG9jYWw=", "CreateIndex": 6, "ModifyIndex": 6}]""";

    @Test
    void keyArgumentsAndNames() {
        KvGetQuery q = KvGetQuery.parse("/service/redis/maxconns?ns=team@dc2", true);
        assertEquals("service/redis/maxconns", q.key());
        assertEquals("kv.block(service/redis/maxconns@dc2@ns=team)", q.describe());
        assertEquals("/v1/kv/service/redis/maxconns?dc=dc2&ns=team", q.path());
        assertEquals("kv.get(a b)", KvGetQuery.parse("a b", false).describe());
        assertEquals("/v1/kv/a%20b%3Fc", new KvGetQuery("a b?c", "", Map.of(), false).path(), "path is escaped");
        assertNotEquals(KvGetQuery.parse("a", true), KvGetQuery.parse("a", false), "key and keyExists differ");
        assertEquals("kv.get: invalid format: \"a@b@c\"",
                assertThrows(IllegalArgumentException.class, () -> KvGetQuery.parse("a@b@c", false)).getMessage());
    }

    @Test
    void blockingKeyIsNullWhileMissing() throws IOException {
        KvGetQuery q = KvGetQuery.parse("service/redis/maxconns", true);
        assertEquals("15", q.decode(200, bytes(ONE)));
        assertNull(q.decode(404, new byte[0]));
        assertEquals("", q.decode(200, bytes("[{\"Key\": \"service/redis/maxconns\", \"Value\": null}]")),
                "an empty value exists");
    }

    @Test
    void nonBlockingKeySeesTheAbsence() throws IOException {
        KvGetQuery q = KvGetQuery.parse("service/redis/maxconns", false);
        assertEquals(Optional.of("15"), q.decode(200, bytes(ONE)));
        assertEquals(Optional.empty(), q.decode(404, new byte[0]));
        assertThrows(IOException.class, () -> q.decode(403, bytes("Permission denied")));
        assertThrows(IOException.class, () -> q.decode(200, bytes("[{\"Key\": \"k\", \"Value\": \"!!\"}]")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void listStripsThePrefixAndKeepsEveryField() throws IOException {
        KvListQuery q = KvListQuery.parse("app", KvListQuery.Safety.NONE);
        assertEquals("/v1/kv/app?recurse=", q.path());
        assertEquals("kv.list(app)", q.describe());
        List<KeyPair> pairs = (List<KeyPair>) q.decode(200, bytes(TREE));
        assertEquals(List.of("", "name", "db/", "db/host"), pairs.stream().map(KeyPair::Key).toList());
        assertEquals(new KeyPair("app/name", "name", "hopscotch", 4, 8, 1, 42,
                "adf4238a-882b-9ddc-4a9d-5b6758e4159e"), pairs.get(1));
        assertEquals(List.of("name"), KvListQuery.topLevel(pairs).stream().map(KeyPair::Key).toList());
        assertEquals(List.of("name", "db/host"), KvListQuery.leaves(pairs).stream().map(KeyPair::Key).toList());
        assertEquals(List.of(), q.decode(404, new byte[0]), "nothing under the prefix");
    }

    @Test
    void safeFormsDecodeNothingToNull() throws IOException {
        KvListQuery safeLs = KvListQuery.parse("app", KvListQuery.Safety.TOP_LEVEL);
        KvListQuery safeTree = KvListQuery.parse("app", KvListQuery.Safety.LEAVES);
        assertNull(safeLs.decode(404, new byte[0]));
        assertNull(safeTree.decode(200, bytes("[{\"Key\": \"app/\", \"Value\": null}]")));
        String onlyNested = "[{\"Key\": \"app/db/host\", \"Value\": \"eA==\"}]";
        assertNull(safeLs.decode(200, bytes(onlyNested)), "no top-level key");
        assertEquals(1, ((List<?>) safeTree.decode(200, bytes(onlyNested))).size());
        assertEquals("kv.list.safeLs(app)", safeLs.describe());
        assertNotEquals(safeLs, KvListQuery.parse("app", KvListQuery.Safety.NONE));
    }

    @Test
    void trailingSlashesOfThePrefixAreStrippedFromKeys() throws IOException {
        KvListQuery q = KvListQuery.parse("app/", KvListQuery.Safety.NONE);
        @SuppressWarnings("unchecked")
        List<KeyPair> pairs = (List<KeyPair>) q.decode(200, bytes("[{\"Key\": \"app//x\", \"Value\": \"eA==\"}]"));
        assertEquals("x", pairs.get(0).Key());
        assertEquals("x", pairs.get(0).Value());
    }
}
