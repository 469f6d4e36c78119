package io.statecraft.bench;

import io.statecraft.bench.report.Figure;
import io.statecraft.bench.report.ScenarioReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The figures as a plain-text table, one block per scenario. */
final class Table {

  private static final String[] HEADER = {
    "figure", "value", "unit", "median", "p99", "target", "meets"
  };

  private Table() {}

  static void print(List<ScenarioReport> reports, PrintStream out) {
    for (ScenarioReport r : reports) {
      out.printf("%n%s (%.1f s): %s%n", r.name(), r.durationSeconds(), r.description());
      List<String[]> rows = new ArrayList<>();
      rows.add(HEADER);
      for (Figure f : r.figures()) {
        rows.add(
            new String[] {
              f.name(),
              Figure.format(f.value()),
              f.unit(),
              stat(f, "median"),
              stat(f, "p99"),
              f.target() == null ? "" : f.target().toString(),
              f.meetsTarget() == null ? "" : f.meetsTarget() ? "yes" : "NO"
            });
      }
      int[] widths = new int[HEADER.length];
      for (String[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          widths[i] = Math.max(widths[i], row[i].length());
        }
      }
      for (String[] row : rows) {
        StringBuilder line = new StringBuilder("  ");
        for (int i = 0; i < row.length; i++) {
          // Names and units to the left, numbers to the right.
          boolean left = i == 0 || i == 2 || i == 6;
          String cell = left ? pad(row[i], widths[i]) : padLeft(row[i], widths[i]);
          line.append(cell).append(i + 1 < row.length ? "  " : "");
        }
        out.println(line.toString().stripTrailing());
      }
    }
  }

  private static String stat(Figure f, String name) {
    Number n = f.stats().get(name);
    return n == null ? "" : Figure.format(n.doubleValue());
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }

  private static String padLeft(String s, int width) {
    return " ".repeat(width - s.length()) + s;
  }
}
