package io.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CairnTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Console console = new Console(new ByteArrayInputStream(new byte[0]),
      new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
      Map.of());

  @Test
  void versionAndItsFlagSpellings() {
    assertEquals(0, Cairn.run(List.of("version"), console));
    assertEquals(0, Cairn.run(List.of("--version"), console));
    assertEquals(VersionCommand.text() + VersionCommand.text(), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void unknownCommandsPrintUsageAndExitOne() {
    assertEquals(1, Cairn.run(List.of("frobnicate"), console));
    assertEquals(1, Cairn.run(List.of("kv", "frob"), console));
    assertEquals(1, Cairn.run(List.of(), console));
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("Unknown command: cairn frobnicate"), text);
    assertTrue(text.contains("Unknown command: cairn kv frob"), text);
    assertTrue(text.contains("    put       Sets or updates data in the KV store"), text);
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theClusterCommandsAreListed() {
    assertEquals(0, Cairn.run(List.of("-h"), console));
    String text = err.toString(StandardCharsets.UTF_8);
    for (String line : List.of("    force-leave    Forces a member of the cluster to enter the \"left\" state",
        "    join           Tell the Cairn agent to join a cluster",
        "    keygen         Generates a new encryption key", "    keyring        Manages gossip layer encryption keys",
        "    leave          Gracefully leaves the Cairn cluster and shuts down",
        "    rtt            Estimates network round trip time between nodes")) {
      assertTrue(text.contains(line + "\n"), text);
    }
  }

  @Test
  void theAclCommandsAreRegistered() {
    assertEquals(0, Cairn.run(List.of("acl", "-h"), console));
    assertEquals(0, Cairn.run(List.of("acl", "token", "-h"), console));
    String text = err.toString(StandardCharsets.UTF_8);
    for (String line : List.of("    bootstrap    Bootstrap Cairn's ACL system", "    policy       Manage Cairn's ACL "
        + "policies", "    create    Create an ACL token", "    clone     Clone an ACL token")) {
      assertTrue(text.contains(line + "\n"), text);
    }
  }
}
