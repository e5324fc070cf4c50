package io.cairn.kv.shell.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.cairn.kv.api.KvEntry;

import org.junit.jupiter.api.Test;

class KvFormatTest {

    private static KvEntry entry(String key, String value, long flags) {
        return new KvEntry(key, value.getBytes(UTF_8), flags, 0, "", 4, 9);
    }

    @Test
    void exportIsGoTabIndentedJson() {
        String expected = "[\n"
                + "\t{\n\t\t\"key\": \"a\",\n\t\t\"flags\": 0,\n\t\t\"value\": \"dg==\"\n\t},\n"
                + "\t{\n\t\t\"key\": \"b/\\u003cc\\u003e\",\n\t\t\"flags\": 18446744073709551615,\n"
                + "\t\t\"value\": \"\"\n\t}\n"
                + "]";
        assertEquals(expected, KvFormat.export(List.of(entry("a", "v", 0), entry("b/<c>", "", -1L))));
        assertEquals("[]", KvFormat.export(List.of()));
    }

    @Test
    void importReadsWhatExportWrites() {
        List<KvFormat.Exported> back = KvFormat.parseImport(
                KvFormat.export(List.of(entry("a", "v", 7), entry("b/<c>", "", -1L))));
        assertEquals(2, back.size());
        assertEquals("a", back.get(0).key());
        assertEquals(7, back.get(0).flags());
        assertArrayEquals("v".getBytes(UTF_8), back.get(0).value());
        assertEquals("b/<c>", back.get(1).key());
        assertEquals(-1L, back.get(1).flags());
        assertEquals(0, back.get(1).value().length);
    }

    @Test
    void importMatchesFieldNamesCaseInsensitively() {
        List<KvFormat.Exported> back = KvFormat.parseImport("[{\"Key\":\"k\",\"VALUE\":\"eA==\"}]");
        assertEquals("k", back.get(0).key());
        assertEquals(0, back.get(0).flags());
        assertArrayEquals("x".getBytes(UTF_8), back.get(0).value());
    }

    @Test
    void importRefusesBadDocuments() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KvFormat.parseImport("{"))
                .getMessage().startsWith("Cannot unmarshal data: "));
        assertThrows(IllegalArgumentException.class, () -> KvFormat.parseImport("{\"key\":\"a\"}"));
        assertEquals("Error base 64 decoding value for key a: Illegal base64 character 21",
                assertThrows(IllegalArgumentException.class,
                        () -> KvFormat.parseImport("[{\"key\":\"a\",\"value\":\"!!\"}]")).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> KvFormat.parseImport("[{\"key\":\"a\",\"flags\":-1,\"value\":\"\"}]"));
        assertThrows(IllegalArgumentException.class,
                () -> KvFormat.parseImport("[{\"key\":\"a\",\"flags\":18446744073709551616,\"value\":\"\"}]"));
    }

    @Test
    void detailedBlockAlignsValuesLikeConsul() {
        KvEntry locked = new KvEntry("k", "val".getBytes(UTF_8), 42, 2, "s-1", 4, 9);
        assertEquals("CreateIndex      4\n"
                + "Flags            42\n"
                + "Key              k\n"
                + "LockIndex        2\n"
                + "ModifyIndex      9\n"
                + "Session          s-1\n"
                + "Value            val", KvFormat.detailed(locked, false));
        assertTrue(KvFormat.detailed(entry("k", "", 0), true).contains("Session          -\n"));
        assertTrue(KvFormat.detailed(entry("k", "x", 0), true).endsWith("Value            eA=="));
    }

    @Test
    void recurseLine() {
        assertEquals("a/b:v", KvFormat.line(entry("a/b", "v", 0), false));
        assertEquals("a/b:dg==", KvFormat.line(entry("a/b", "v", 0), true));
    }
}
