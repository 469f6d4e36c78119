package io.statecraft.asl.expr.jsonpath;

/** One step of a reference path: a member name or an array index. */
sealed interface Step permits Step.Field, Step.Index {

  /** {@code .name} or {@code ['name']}. */
  record Field(String name) implements Step {}

  /** {@code [n]}; a negative index counts from the end, as in Jayway. */
  record Index(int index) implements Step {}
}
