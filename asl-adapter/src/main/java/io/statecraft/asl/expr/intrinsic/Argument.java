package io.statecraft.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.expr.PathExpr;
import java.util.List;

/** One argument of an intrinsic call, as parsed. */
sealed interface Argument permits Argument.Literal, Argument.Path, Argument.Call {

  /**
   * A literal: a string in single quotes, a number, {@code true}, {@code false} or {@code null}.
   *
   * @param value the value, with the escapes of a string resolved
   * @param formatSegments for a string, the text between its {@code {}} placeholders (escaped
   *     braces are not placeholders); for other literals, empty
   * @param openEscape whether a string held a backslash that escapes nothing AWS allows, which
   *     fails when the call runs
   */
  record Literal(JsonNode value, List<String> formatSegments, boolean openEscape)
      implements Argument {}

  /** A path over the input, the context object or a variable. */
  record Path(String text, PathExpr path) implements Argument {}

  /** A nested intrinsic call. */
  record Call(IntrinsicCall call) implements Argument {}
}
