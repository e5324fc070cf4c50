package io.cairn.gossip.internal.crypto;

import static io.cairn.gossip.internal.crypto.Keys.key;
import static io.cairn.gossip.internal.crypto.Keys.keyring;
import static io.cairn.gossip.internal.crypto.Keys.text;
import static io.cairn.gossip.internal.crypto.Keys.texts;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GossipKeyringTest {

    @TempDir
    Path dir;

    @Test
    void decodesAKeyAndRefusesOthersWithConsulsTexts() {
        assertArrayEquals(key(7), GossipKeyring.decodeKey(text(7)));
        assertEquals("illegal base64 data at input byte 4",
                assertThrows(IllegalArgumentException.class, () -> GossipKeyring.decodeKey("this is not a valid key"))
                        .getMessage());
        assertEquals("key size must be 32 bytes, not 16",
                assertThrows(IllegalArgumentException.class, () -> GossipKeyring.decodeKey("cg8StVXbQJ0gPvMd9o7yrg=="))
                        .getMessage());
        String unpadded = text(7).substring(0, 43);
        assertEquals("illegal base64 data at input byte 43",
                assertThrows(IllegalArgumentException.class, () -> GossipKeyring.decodeKey(unpadded)).getMessage());
        assertEquals("illegal base64 data at input byte 1", // Go's offset of the misplaced padding
                assertThrows(IllegalArgumentException.class, () -> GossipKeyring.decodeKey("A=AA")).getMessage());
    }

    @Test
    void installUseRemoveRotateTheKeys() throws IOException {
        GossipKeyring keyring = keyring(1);
        keyring.install(text(2));
        assertEquals(texts(1, 2), keyring.keys());
        assertEquals(text(1), keyring.primaryKey());

        keyring.use(text(2));
        assertEquals(texts(2, 1), keyring.keys());

        keyring.remove(text(1));
        assertEquals(texts(2), keyring.keys());
    }

    @Test
    void installingAnInstalledKeyOrRemovingAnAbsentOneChangesNothing() throws IOException {
        GossipKeyring keyring = keyring(1, 2);
        keyring.install(text(2));
        keyring.remove(text(3));
        keyring.use(text(1));
        assertEquals(texts(1, 2), keyring.keys());
    }

    @Test
    void refusesToRemoveThePrimaryOrUseAKeyNotInstalled() {
        GossipKeyring keyring = keyring(1, 2);
        assertEquals("removing the primary key is not allowed",
                assertThrows(IllegalArgumentException.class, () -> keyring.remove(text(1))).getMessage());
        assertEquals("requested key is not in the keyring",
                assertThrows(IllegalArgumentException.class, () -> keyring.use(text(3))).getMessage());
        assertEquals("illegal base64 data at input byte 3",
                assertThrows(IllegalArgumentException.class, () -> keyring.install("abc!")).getMessage());
        assertEquals(texts(1, 2), keyring.keys());
    }

    @Test
    void holdsAtMostSixteenKeys() throws IOException {
        GossipKeyring keyring = keyring(IntStream.rangeClosed(1, GossipKeyring.MAX_KEYS).toArray());
        IllegalArgumentException full = assertThrows(IllegalArgumentException.class, () -> keyring.install(text(99)));
        assertEquals("A keyring holds at most 16 keys; remove one first", full.getMessage());
        keyring.remove(text(2));
        keyring.install(text(99));
        assertEquals(GossipKeyring.MAX_KEYS, keyring.keys().size());
    }

    @Test
    void refusesAnEmptyKeyringOrAKeyOfAnotherSize() {
        assertThrows(IllegalArgumentException.class, () -> GossipKeyring.inMemory(List.of()));
        assertEquals("key size must be 32 bytes, not 16", assertThrows(IllegalArgumentException.class,
                () -> GossipKeyring.inMemory(List.of(new byte[16]))).getMessage());
    }

    @Test
    void theFileHoldsTheKeysPrimaryFirstForTheOwnerOnly() throws IOException {
        Path file = dir.resolve("serf").resolve(GossipKeyring.LAN_FILE);
        GossipKeyring keyring = GossipKeyring.create(file, List.of(key(1)));
        keyring.install(text(2));
        keyring.use(text(2));

        assertEquals("[\"" + text(2) + "\",\"" + text(1) + "\"]", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
        assertEquals(texts(2, 1), GossipKeyring.load(file).keys());
    }

    @Test
    void aLoadedKeyringWritesItsChangesBack() throws IOException {
        Path file = dir.resolve(GossipKeyring.WAN_FILE);
        Files.writeString(file, "[\n  \"" + text(1) + "\",\n  \"" + text(2) + "\"\n]");
        GossipKeyring keyring = GossipKeyring.load(file);
        keyring.remove(text(2));
        assertEquals(texts(1), GossipKeyring.load(file).keys());
    }

    @Test
    void aChangeThatCannotBeWrittenIsNotMade() throws IOException {
        Path serf = dir.resolve("serf");
        GossipKeyring keyring = GossipKeyring.create(serf.resolve(GossipKeyring.LAN_FILE), List.of(key(1)));
        // the directory becomes a plain file: no write can succeed (permissions would not stop root)
        try (Stream<Path> files = Files.list(serf)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(serf);
        Files.writeString(serf, "not a directory");

        assertThrows(IOException.class, () -> keyring.install(text(2)));
        assertEquals(texts(1), keyring.keys());
    }

    @Test
    void aFileThatIsNotAKeyringIsAClearError() throws IOException {
        assertEquals("The keyring file F is not a JSON list of base64 keys: unexpected EOF", loadError("[\"abc"));
        assertEquals("The keyring file F holds no key", loadError("[]"));
        assertEquals("The keyring file F has an invalid key 2: key size must be 32 bytes, not 16",
                loadError("[\"" + text(1) + "\", \"cg8StVXbQJ0gPvMd9o7yrg==\"]"));
        assertTrue(loadError("{\"keys\": 1}").startsWith("The keyring file F is not a JSON list of base64 keys: "));
        List<String> tooMany = new ArrayList<>();
        for (int i = 1; i <= GossipKeyring.MAX_KEYS + 1; i++) {
            tooMany.add("\"" + text(i) + "\"");
        }
        assertEquals("The keyring file F cannot be used: A keyring holds at most 16 keys; remove one first",
                loadError("[" + String.join(",", tooMany) + "]"));
    }

    private String loadError(String content) throws IOException {
        Path file = dir.resolve("bad.keyring");
        Files.write(file, content.getBytes(UTF_8));
        IOException e = assertThrows(IOException.class, () -> GossipKeyring.load(file));
        return e.getMessage().replace(file.toString(), "F");
    }
}
