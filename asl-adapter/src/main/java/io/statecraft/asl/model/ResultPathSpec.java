package io.statecraft.asl.model;

import io.statecraft.asl.expr.ResultPathExpr;
import java.util.Objects;

/**
 * ResultPath: absent or {@code "$"} (the result replaces the input), {@code null} (the result is
 * discarded), or a reference path.
 */
public sealed interface ResultPathSpec
    permits ResultPathSpec.Replace, ResultPathSpec.Discard, ResultPathSpec.Write {

  ResultPathSpec REPLACE = new Replace();
  ResultPathSpec DISCARD = new Discard();

  /** Absent or {@code "$"}: the state output is the result. */
  record Replace() implements ResultPathSpec {}

  /** {@code null}: the state output is the state input. */
  record Discard() implements ResultPathSpec {}

  /** A reference path: the result is written into the input at that path. */
  record Write(ResultPathExpr path) implements ResultPathSpec {
    public Write {
      Objects.requireNonNull(path, "path");
    }
  }
}
