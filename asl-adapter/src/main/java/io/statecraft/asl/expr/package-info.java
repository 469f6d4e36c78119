/**
 * Compiled expressions. The interfaces here ({@link io.statecraft.asl.expr.Expression}, {@link
 * io.statecraft.asl.expr.PathExpr}, {@link io.statecraft.asl.expr.ResultPathExpr}, {@link
 * io.statecraft.asl.expr.Template}) are what the model holds; the sub-packages {@code jsonpath},
 * {@code intrinsic} and {@code jsonata} implement them and are the only places that import their
 * third-party libraries. {@link io.statecraft.asl.expr.Expressions} is the one entry point that
 * compiles them.
 */
package io.statecraft.asl.expr;
