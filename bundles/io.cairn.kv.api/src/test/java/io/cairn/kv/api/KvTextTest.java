package io.cairn.kv.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class KvTextTest {

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
        assertEquals(expected, KvText.export(List.of(entry("a", "v", 0), entry("b/<c>", "", -1L))));
        assertEquals("[]", KvText.export(List.of()));
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
                + "Value            val", KvText.detailed(locked, false));
        assertTrue(KvText.detailed(entry("k", "", 0), true).contains("Session          -\n"));
        assertTrue(KvText.detailed(entry("k", "x", 0), true).endsWith("Value            eA=="));
    }

    @Test
    void detailedNumbersAreUnsigned() {
        KvEntry huge = new KvEntry("k", new byte[0], -1L, -2L, "", Long.MIN_VALUE, -1L);
        assertEquals("CreateIndex      9223372036854775808\n"
                + "Flags            18446744073709551615\n"
                + "Key              k\n"
                + "LockIndex        18446744073709551614\n"
                + "ModifyIndex      18446744073709551615\n"
                + "Session          -\n"
                + "Value            ", KvText.detailed(huge, false));
    }

    @Test
    void valueIsTextOrBase64() {
        assertEquals("h\u00e9", KvText.value("h\u00e9".getBytes(UTF_8), false));
        assertEquals("aMOp", KvText.value("h\u00e9".getBytes(UTF_8), true));
        assertEquals("", KvText.value(new byte[0], true));
    }
}
