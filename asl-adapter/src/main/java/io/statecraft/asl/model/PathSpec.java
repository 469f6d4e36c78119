package io.statecraft.asl.model;

import io.statecraft.asl.expr.PathExpr;
import java.util.Objects;

/**
 * InputPath or OutputPath: absent (the whole document), {@code null} (an empty object), or a path.
 */
public sealed interface PathSpec permits PathSpec.Identity, PathSpec.Empty, PathSpec.Select {

  PathSpec IDENTITY = new Identity();
  PathSpec EMPTY = new Empty();

  /** The field is absent, or {@code "$"}: the whole document passes. */
  record Identity() implements PathSpec {}

  /** The field is {@code null}: the document is discarded and {@code {}} passes. */
  record Empty() implements PathSpec {}

  /** The field is a path. */
  record Select(PathExpr path) implements PathSpec {
    public Select {
      Objects.requireNonNull(path, "path");
    }
  }
}
