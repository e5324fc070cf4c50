package io.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ColumnsTest {

  @Test
  void padsEveryColumnButTheLastToItsWidestCellPlusTwo() {
    String table = new Columns().row("Node", "ID", "Address", "DC")
        .row(" betaweb1 ", "8a619b68", "10.202.2.10", "dc1")
        .row("a", "", "10.0.0.1", "east-long").format();
    assertEquals("Node      ID        Address      DC\n"
        + "betaweb1  8a619b68  10.202.2.10  dc1\n"
        + "a                   10.0.0.1     east-long\n", table);
  }

  @Test
  void shorterRowsEndAtTheirLastCell() {
    assertEquals("ab  c\nx\n", new Columns().row("ab", "c").row("x").format());
  }
}
