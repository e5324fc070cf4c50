package io.cairn.cli.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlagSetTest {
  private final FlagSet flags = new FlagSet().bool("recurse", "r").value("sep", "<s>", "s")
      .value("join", "<a>", "j");

  @Test
  void acceptsGoFlagSpellings() throws Exception {
    ParsedFlags parsed = flags.parse(List.of("--recurse=false", "-sep", "/", "-join=a", "--join", "b", "key", "-x"));
    assertFalse(parsed.bool("recurse"));
    assertEquals("/", parsed.string("sep", null));
    assertEquals(List.of("a", "b"), parsed.all("join"));
    assertEquals(List.of("key", "-x"), parsed.positional());
  }

  @Test
  void stopsAtDoubleDashAndLoneDash() throws Exception {
    assertEquals(List.of("-recurse"), flags.parse(List.of("--", "-recurse")).positional());
    assertEquals(List.of("-", "x"), flags.parse(List.of("-recurse", "-", "x")).positional());
    assertTrue(flags.parse(List.of("-recurse", "-", "x")).bool("recurse"));
  }

  @Test
  void reportsErrorsLikeGo() {
    assertEquals("flag provided but not defined: -nope",
        assertThrows(UsageException.class, () -> flags.parse(List.of("-nope"))).getMessage());
    assertEquals("flag needs an argument: -sep",
        assertThrows(UsageException.class, () -> flags.parse(List.of("-sep"))).getMessage());
    assertEquals("invalid boolean value \"maybe\" for -recurse: use true or false",
        assertThrows(UsageException.class, () -> flags.parse(List.of("-recurse=maybe"))).getMessage());
    assertEquals("bad flag syntax: ---x",
        assertThrows(UsageException.class, () -> flags.parse(List.of("---x"))).getMessage());
    assertThrows(HelpRequested.class, () -> flags.parse(List.of("-help")));
  }

  @Test
  void unsignedValuesCoverUint64() throws Exception {
    FlagSet set = new FlagSet().value("flags", "<u>", "f");
    assertEquals("18446744073709551615",
        Long.toUnsignedString(set.parse(List.of("-flags=18446744073709551615")).unsigned("flags", 0)));
    assertEquals("invalid value \"-1\" for flag -flags: expected an unsigned integer",
        assertThrows(UsageException.class, () -> set.parse(List.of("-flags", "-1")).unsigned("flags", 0))
            .getMessage());
  }
}
