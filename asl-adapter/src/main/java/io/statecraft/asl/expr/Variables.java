package io.statecraft.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;

/** Read access to the workflow variables visible from the state being evaluated. */
@FunctionalInterface
public interface Variables {

  Variables NONE = name -> null;

  /**
   * The value of the variable, or {@code null} when no variable of that name is visible. A variable
   * assigned JSON {@code null} is a {@code NullNode}, never Java {@code null}.
   */
  JsonNode get(String name);
}
