package io.cairn.cli.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentSecretsTest {
  @TempDir Path dataDir;

  @Test
  void theSecretsGoToAFileOnlyTheOwnerMayReadAndAreGoneOnceUnset() throws Exception {
    AgentSecrets.write(dataDir, Map.of("encrypt", "k=ey", "acl.tokens.default", "dflt"));
    Path file = dataDir.resolve(AgentSecrets.FILE);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    Properties read = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      read.load(in);
    }
    assertEquals(Map.of("encrypt", "k=ey", "acl.tokens.default", "dflt"), Map.copyOf(read));

    AgentSecrets.write(dataDir, Map.of());
    assertFalse(Files.exists(file), "a secret taken out of the configuration is gone");
  }
}
