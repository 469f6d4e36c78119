package io.statecraft.asl.expr.intrinsic;

import io.statecraft.asl.expr.ExpressionException;
import io.statecraft.asl.expr.PathExpr;

/**
 * Compiles the path arguments of an intrinsic call ({@code $.x}, {@code $$.x}, {@code $name.x}).
 * The JSONPath compiler supplies it, so that this package does not depend on it.
 */
@FunctionalInterface
public interface PathResolver {

  /** Compiles one path argument, or throws when it is not a valid path. */
  PathExpr compile(String path) throws ExpressionException;
}
