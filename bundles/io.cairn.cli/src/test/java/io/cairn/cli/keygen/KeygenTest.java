package io.cairn.cli.keygen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.Console;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeygenTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Console console = new Console(new ByteArrayInputStream(new byte[0]),
      new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
      Map.of());

  @Test
  void printsThirtyTwoRandomBytesInStandardBase64() {
    Random counting = new Random() {
      @Override
      public void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) (i * 8 + 3);
        }
      }
    };
    assertEquals(0, new Keygen(counting).run(List.of(), console));
    byte[] expected = new byte[32];
    counting.nextBytes(expected);
    assertEquals(Base64.getEncoder().encodeToString(expected) + "\n", out.toString(StandardCharsets.UTF_8));
    assertEquals("AwsTGyMrMztDS1NbY2tze4OLk5ujq7O7w8vT2+Pr8/s=\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theDefaultSourceGivesADifferentFullLengthKeyEachTime() {
    assertEquals(0, new Keygen().run(List.of(), console));
    assertEquals(0, new Keygen().run(List.of(), console));
    String[] keys = out.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(2, keys.length);
    assertEquals(32, Base64.getDecoder().decode(keys[0]).length);
    assertNotEquals(keys[0], keys[1]);
    assertTrue(Arrays.stream(keys).allMatch(k -> k.length() == 44), Arrays.toString(keys));
  }

  @Test
  void argumentsAreRefusedAndHelpIsNotAnError() {
    assertEquals(1, new Keygen().run(List.of("extra"), console));
    assertEquals(1, new Keygen().run(List.of("-bits=128"), console));
    assertEquals(0, new Keygen().run(List.of("-h"), console));
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("The keygen command expects no arguments\n\nUsage: cairn keygen"), text);
    assertTrue(text.contains("flag provided but not defined: -bits"), text);
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }
}
