package io.statecraft.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.expr.Expression;
import java.util.Objects;

/**
 * A field whose value is either written in the definition or computed when the state runs: {@code
 * TimeoutSeconds} or {@code TimeoutSecondsPath}, Wait {@code Seconds}, {@code SecondsPath} or a
 * JSONata {@code Seconds}, Fail {@code Error} or {@code ErrorPath}, Map {@code ItemsPath} or {@code
 * Items}, and so on. The interpreter converts and checks the value by the field's rules.
 */
public sealed interface ValueSource permits ValueSource.Literal, ValueSource.Dynamic {

  /** The value as written. */
  record Literal(JsonNode value) implements ValueSource {
    public Literal {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A value computed at run time: a JSONPath path or intrinsic call, or a JSONata expression.
   *
   * @param field the field the expression was written in, for error messages ({@code SecondsPath},
   *     {@code Seconds}, …)
   * @param expression the compiled expression
   */
  record Dynamic(String field, Expression expression) implements ValueSource {
    public Dynamic {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(expression, "expression");
    }
  }
}
