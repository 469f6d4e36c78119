package io.statecraft.asl.model.choice;

import java.util.Optional;

/**
 * The comparison operators of a JSONPath Choice rule. Each {@code *Path} variant compares against
 * the value at a second path instead of a literal; {@link #pathVariant()} tells which.
 */
public enum ComparisonOperator {
  STRING_EQUALS("StringEquals", Kind.STRING, false),
  STRING_EQUALS_PATH("StringEqualsPath", Kind.STRING, true),
  STRING_LESS_THAN("StringLessThan", Kind.STRING, false),
  STRING_LESS_THAN_PATH("StringLessThanPath", Kind.STRING, true),
  STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, false),
  STRING_GREATER_THAN_PATH("StringGreaterThanPath", Kind.STRING, true),
  STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, false),
  STRING_LESS_THAN_EQUALS_PATH("StringLessThanEqualsPath", Kind.STRING, true),
  STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, false),
  STRING_GREATER_THAN_EQUALS_PATH("StringGreaterThanEqualsPath", Kind.STRING, true),
  STRING_MATCHES("StringMatches", Kind.STRING, false),
  NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, false),
  NUMERIC_EQUALS_PATH("NumericEqualsPath", Kind.NUMERIC, true),
  NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, false),
  NUMERIC_LESS_THAN_PATH("NumericLessThanPath", Kind.NUMERIC, true),
  NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, false),
  NUMERIC_GREATER_THAN_PATH("NumericGreaterThanPath", Kind.NUMERIC, true),
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, false),
  NUMERIC_LESS_THAN_EQUALS_PATH("NumericLessThanEqualsPath", Kind.NUMERIC, true),
  NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, false),
  NUMERIC_GREATER_THAN_EQUALS_PATH("NumericGreaterThanEqualsPath", Kind.NUMERIC, true),
  BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, false),
  BOOLEAN_EQUALS_PATH("BooleanEqualsPath", Kind.BOOLEAN, true),
  TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, false),
  TIMESTAMP_EQUALS_PATH("TimestampEqualsPath", Kind.TIMESTAMP, true),
  TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, false),
  TIMESTAMP_LESS_THAN_PATH("TimestampLessThanPath", Kind.TIMESTAMP, true),
  TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, false),
  TIMESTAMP_GREATER_THAN_PATH("TimestampGreaterThanPath", Kind.TIMESTAMP, true),
  TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, false),
  TIMESTAMP_LESS_THAN_EQUALS_PATH("TimestampLessThanEqualsPath", Kind.TIMESTAMP, true),
  TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, false),
  TIMESTAMP_GREATER_THAN_EQUALS_PATH("TimestampGreaterThanEqualsPath", Kind.TIMESTAMP, true),
  IS_NULL("IsNull", Kind.TYPE_TEST, false),
  IS_PRESENT("IsPresent", Kind.TYPE_TEST, false),
  IS_NUMERIC("IsNumeric", Kind.TYPE_TEST, false),
  IS_STRING("IsString", Kind.TYPE_TEST, false),
  IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST, false),
  IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST, false);

  /** What an operator compares. A TYPE_TEST takes a boolean literal. */
  public enum Kind {
    STRING,
    NUMERIC,
    BOOLEAN,
    TIMESTAMP,
    TYPE_TEST
  }

  private final String aslName;
  private final Kind kind;
  private final boolean pathVariant;

  ComparisonOperator(String aslName, Kind kind, boolean pathVariant) {
    this.aslName = aslName;
    this.kind = kind;
    this.pathVariant = pathVariant;
  }

  /** The field name in a Choice rule, for example {@code NumericGreaterThanPath}. */
  public String aslName() {
    return aslName;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether the operand is a path to compare against rather than a literal. */
  public boolean pathVariant() {
    return pathVariant;
  }

  public static Optional<ComparisonOperator> byAslName(String name) {
    for (ComparisonOperator op : values()) {
      if (op.aslName.equals(name)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}
