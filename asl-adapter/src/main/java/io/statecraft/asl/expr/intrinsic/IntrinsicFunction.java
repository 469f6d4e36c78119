package io.statecraft.asl.expr.intrinsic;

import java.util.Optional;

/**
 * The 18 intrinsic functions of the Amazon States Language, a closed set. Each names its family
 * (the class that implements it) and how many arguments it takes.
 */
public enum IntrinsicFunction {
  FORMAT("States.Format", 1, Integer.MAX_VALUE),
  STRING_TO_JSON("States.StringToJson", 1, 1),
  JSON_TO_STRING("States.JsonToString", 1, 1),
  ARRAY("States.Array", 0, Integer.MAX_VALUE),
  ARRAY_PARTITION("States.ArrayPartition", 2, 2),
  ARRAY_CONTAINS("States.ArrayContains", 2, 2),
  ARRAY_RANGE("States.ArrayRange", 3, 3),
  ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2),
  ARRAY_LENGTH("States.ArrayLength", 1, 1),
  ARRAY_UNIQUE("States.ArrayUnique", 1, 1),
  BASE64_ENCODE("States.Base64Encode", 1, 1),
  BASE64_DECODE("States.Base64Decode", 1, 1),
  HASH("States.Hash", 2, 2),
  JSON_MERGE("States.JsonMerge", 3, 3),
  MATH_RANDOM("States.MathRandom", 2, 3),
  MATH_ADD("States.MathAdd", 2, 2),
  STRING_SPLIT("States.StringSplit", 2, 2),
  UUID("States.UUID", 0, 0);

  private final String functionName;
  private final int minArguments;
  private final int maxArguments;

  IntrinsicFunction(String functionName, int minArguments, int maxArguments) {
    this.functionName = functionName;
    this.minArguments = minArguments;
    this.maxArguments = maxArguments;
  }

  /** The name as written in a definition, for example {@code States.Format}. */
  public String functionName() {
    return functionName;
  }

  public int minArguments() {
    return minArguments;
  }

  public int maxArguments() {
    return maxArguments;
  }

  /** The function of that exact name (names are case-sensitive). */
  public static Optional<IntrinsicFunction> byName(String name) {
    for (IntrinsicFunction f : values()) {
      if (f.functionName.equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** How the argument count rule reads in a message. */
  String arityText() {
    if (minArguments == maxArguments) {
      return minArguments == 1 ? "exactly 1 argument" : "exactly " + minArguments + " arguments";
    }
    if (maxArguments == Integer.MAX_VALUE) {
      return minArguments == 0
          ? "any number of arguments"
          : "at least " + minArguments + (minArguments == 1 ? " argument" : " arguments");
    }
    return minArguments + " to " + maxArguments + " arguments";
  }
}
