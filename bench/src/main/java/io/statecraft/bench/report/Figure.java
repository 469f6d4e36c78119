package io.statecraft.bench.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One named figure of a scenario: a value in a unit, with the statistics behind it and, where the
 * project sets one, a target.
 *
 * @param name the full name, {@code <scenario>.<subject>.<measure>} (lower case, digits, {@code _}
 *     and dots), stable from run to run
 * @param value the figure itself: the median for a timing, the ratio for a ratio
 * @param unit the unit of {@code value} and of the timing statistics, e.g. {@code us}, {@code
 *     ratio}, {@code bytes}
 * @param stats further numbers in the same unit unless their name says otherwise ({@code median},
 *     {@code p99}, {@code mean}, {@code samples}, ...), in the order they are to be shown
 * @param target what the figure should be, or {@code null} when the project sets no target
 * @param description one sentence: what the figure measures
 */
public record Figure(
    String name,
    double value,
    String unit,
    Map<String, Number> stats,
    Target target,
    String description) {

  /** What a figure name looks like. */
  public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9][a-z0-9_]*)+");

  /** The keys a figure's JSON object holds besides its statistics. */
  public static final java.util.Set<String> RESERVED_KEYS =
      java.util.Set.of("value", "unit", "target", "target_op", "meets_target", "description");

  private static final Pattern STAT = Pattern.compile("[a-z][a-z0-9_]*");

  public Figure {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a figure name is dotted lower-case words, like state_cost.pass.us_per_state: " + name);
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "the figure '" + name + "' is not a finite number: " + value);
    }
    Objects.requireNonNull(unit, "unit");
    if (unit.isBlank()) {
      throw new IllegalArgumentException("the figure '" + name + "' has no unit");
    }
    Objects.requireNonNull(description, "description");
    stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
    for (Map.Entry<String, Number> e : stats.entrySet()) {
      if (!STAT.matcher(e.getKey()).matches() || RESERVED_KEYS.contains(e.getKey())) {
        throw new IllegalArgumentException(
            "the figure '"
                + name
                + "' has a statistic named '"
                + e.getKey()
                + "'; names are"
                + " lower-case words and not one of "
                + new java.util.TreeSet<>(RESERVED_KEYS));
      }
      if (e.getValue() == null || !Double.isFinite(e.getValue().doubleValue())) {
        throw new IllegalArgumentException(
            "the statistic '" + e.getKey() + "' of '" + name + "' is not a finite number");
      }
    }
  }

  /** A figure without statistics or target. */
  public static Figure of(String name, double value, String unit, String description) {
    return new Figure(name, value, unit, Map.of(), null, description);
  }

  /** The same figure with a target. */
  public Figure withTarget(Target newTarget) {
    return new Figure(name, value, unit, stats, newTarget, description);
  }

  /** Whether the figure meets its target, or {@code null} when it has none. */
  public Boolean meetsTarget() {
    return target == null ? null : target.isMetBy(value);
  }

  /** A number as the table shows it: three significant digits, no exponent below a million. */
  public static String format(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return String.valueOf(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.valueOf((long) v);
    }
    double abs = Math.abs(v);
    if (abs >= 100) {
      return String.format(java.util.Locale.ROOT, "%.0f", v);
    }
    if (abs >= 10) {
      return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
    if (abs >= 1) {
      return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
    return String.format(java.util.Locale.ROOT, "%.3f", v);
  }
}
