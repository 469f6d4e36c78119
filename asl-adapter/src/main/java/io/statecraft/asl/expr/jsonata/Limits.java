package io.statecraft.asl.expr.jsonata;

import com.dashjoin.jsonata.JException;

/**
 * The bounds every evaluation runs within. AWS bounds JSONata evaluation by nesting depth, by
 * memory and by time; the first two are reproduced exactly, the third by a count of evaluation
 * steps, because an expression inside a workflow must fail the same way on every replay and a
 * wall-clock bound would not.
 */
final class Limits {

  /**
   * Deepest nesting of sub-expression evaluations. AWS accepts a recursion that nests 95 deep and
   * refuses one that nests 125 deep, and a sum of 200 terms (nesting 200) fails there: its bound is
   * JSONata's customary 100, counted the way the library's evaluate callbacks count.
   */
  static final int MAX_DEPTH = 100;

  /**
   * Largest value an evaluation may hold, in the units AWS's bound implies: AWS accepts {@code
   * [1..873782]} and refuses {@code [1..873783]}, accepts a string of 2^22 characters and refuses
   * one of 2^23. Eight bytes per array element and one per character satisfy both.
   */
  static final long MAX_VALUE_BYTES = 873_782L * 8;

  /**
   * Most sub-expression evaluations one expression may perform: about a second of work. A
   * tail-recursive loop never deepens the stack, so only a budget stops it. Deliberate deviation:
   * AWS stops runaway expressions with a clock.
   */
  static final long MAX_STEPS = 20_000_000L;

  static final String STACK_OVERFLOW =
      "Stack overflow error: Check for non-terminating recursive function. Consider rewriting as"
          + " tail-recursive.";

  static final String MEMORY =
      "Expression evaluation memory limit exceeded: Check for excessive memory usage";

  static final String TIMEOUT = "Expression evaluation timeout: Check for infinite loop";

  private Limits() {}

  /** A bound was crossed. A JSONata exception, so that the library lets it through unchanged. */
  static final class Exceeded extends JException {
    private final String text;

    Exceeded(String text) {
      super("U1001", -1);
      this.text = text;
    }

    String text() {
      return text;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  static boolean exceedsMemory(Object value) {
    if (value instanceof java.util.List<?> list) {
      return (long) list.size() * 8 > MAX_VALUE_BYTES;
    }
    if (value instanceof String s) {
      return s.length() > MAX_VALUE_BYTES;
    }
    return false;
  }
}
