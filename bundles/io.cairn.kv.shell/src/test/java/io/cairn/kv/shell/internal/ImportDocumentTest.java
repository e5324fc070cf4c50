package io.cairn.kv.shell.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.cairn.kv.api.KvEntry;
import io.cairn.kv.api.KvText;

import org.junit.jupiter.api.Test;

class ImportDocumentTest {

    private static KvEntry entry(String key, String value, long flags) {
        return new KvEntry(key, value.getBytes(UTF_8), flags, 0, "", 4, 9);
    }

    @Test
    void importReadsWhatExportWrites() {
        List<ImportDocument.Exported> back = ImportDocument.parse(
                KvText.export(List.of(entry("a", "v", 7), entry("b/<c>", "", -1L))));
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
        List<ImportDocument.Exported> back = ImportDocument.parse("[{\"Key\":\"k\",\"VALUE\":\"eA==\"}]");
        assertEquals("k", back.get(0).key());
        assertEquals(0, back.get(0).flags());
        assertArrayEquals("x".getBytes(UTF_8), back.get(0).value());
    }

    @Test
    void importRefusesBadDocuments() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImportDocument.parse("{"))
                .getMessage().startsWith("Cannot unmarshal data: "));
        assertThrows(IllegalArgumentException.class, () -> ImportDocument.parse("{\"key\":\"a\"}"));
        assertEquals("Error base 64 decoding value for key a: Illegal base64 character 21",
                assertThrows(IllegalArgumentException.class,
                        () -> ImportDocument.parse("[{\"key\":\"a\",\"value\":\"!!\"}]")).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ImportDocument.parse("[{\"key\":\"a\",\"flags\":-1,\"value\":\"\"}]"));
        assertThrows(IllegalArgumentException.class,
                () -> ImportDocument.parse("[{\"key\":\"a\",\"flags\":18446744073709551616,\"value\":\"\"}]"));
    }
}
