package io.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VersionCommandTest {

  @Test
  void consulsLayoutThenCairnsOwnLine() {
    assertEquals("Consul v1.21.0\n"
        + "Revision cairn\n"
        + "Build Date 2025-05-06T00:00:00Z\n"
        + "Protocol 2 spoken by default, understands 2 to 3 (agent will automatically use protocol >2 when speaking"
        + " to compatible agents)\n"
        + "Cairn v0.1.0\n", VersionCommand.text());
  }
}
