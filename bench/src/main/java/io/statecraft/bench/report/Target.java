package io.statecraft.bench.report;

import java.util.Objects;

/**
 * What a figure should be: at most or at least a value, in the figure's own unit.
 *
 * @param op how the figure is compared with the value
 * @param value the bound
 */
public record Target(Op op, double value) {

  /** How a figure is compared with its target. */
  public enum Op {
    /** The figure meets the target when it is no larger than the value. */
    AT_MOST("<="),
    /** The figure meets the target when it is no smaller than the value. */
    AT_LEAST(">=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as written in the report: {@code <=} or {@code >=}. */
    public String symbol() {
      return symbol;
    }

    /** The operator written as {@code symbol}. */
    public static Op ofSymbol(String symbol) {
      for (Op op : values()) {
        if (op.symbol.equals(symbol)) {
          return op;
        }
      }
      throw new IllegalArgumentException("not a target operator: '" + symbol + "' (<= or >=)");
    }
  }

  public Target {
    Objects.requireNonNull(op, "op");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("a target must be a finite number, not " + value);
    }
  }

  public static Target atMost(double value) {
    return new Target(Op.AT_MOST, value);
  }

  public static Target atLeast(double value) {
    return new Target(Op.AT_LEAST, value);
  }

  /** Whether {@code figure} meets this target; a figure that is not a number never does. */
  public boolean isMetBy(double figure) {
    if (Double.isNaN(figure)) {
      return false;
    }
    return switch (op) {
      case AT_MOST -> figure <= value;
      case AT_LEAST -> figure >= value;
    };
  }

  @Override
  public String toString() {
    return op.symbol + " " + Figure.format(value);
  }
}
