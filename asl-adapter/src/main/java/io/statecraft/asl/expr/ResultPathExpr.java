package io.statecraft.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;

/** A compiled ResultPath: a reference path that says where a result goes in the state input. */
public interface ResultPathExpr {

  String text();

  /**
   * Returns a copy of {@code input} with {@code result} placed at this path, creating missing
   * intermediate objects. {@code $} replaces the input entirely. Throws {@link
   * io.statecraft.asl.error.AslFailure} ({@code States.ResultPathMatchFailure}) when the path
   * cannot be applied to the input, for example when it runs through a non-object.
   */
  JsonNode apply(JsonNode input, JsonNode result);
}
