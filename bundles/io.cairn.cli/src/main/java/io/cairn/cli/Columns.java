package io.cairn.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns rows into columns the way Consul's CLI tables look (ryanuber/columnize defaults): cells trimmed, each
 * column left-aligned to its widest cell, a two-space gutter, the last cell of a row never padded.
 */
public final class Columns {
  private final List<List<String>> rows = new ArrayList<>();

  /** Adds one row; rows may have different numbers of cells. */
  public Columns row(String... cells) {
    List<String> row = new ArrayList<>();
    for (String cell : cells) {
      row.add(cell == null ? "" : cell.strip());
    }
    rows.add(row);
    return this;
  }

  /** The table, one line per row, each ending in a newline. */
  public String format() {
    List<Integer> widths = new ArrayList<>();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        int width = width(row.get(i));
        if (i == widths.size()) {
          widths.add(width);
        } else if (width > widths.get(i)) {
          widths.set(i, width);
        }
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        out.append(cell);
        if (i < row.size() - 1) {
          out.append(" ".repeat(widths.get(i) - width(cell) + 2));
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static int width(String cell) {
    return cell.codePointCount(0, cell.length());
  }
}
