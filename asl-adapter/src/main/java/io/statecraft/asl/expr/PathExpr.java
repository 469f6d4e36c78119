package io.statecraft.asl.expr;

/** A compiled JSONPath path, as used by InputPath, OutputPath, ItemsPath, Choice Variable, … */
public interface PathExpr extends Expression {

  /** What the path starts from. */
  enum Root {
    /** {@code $}: the current document. */
    INPUT,
    /** {@code $$}: the context object. */
    CONTEXT,
    /** {@code $name}: a workflow variable. */
    VARIABLE
  }

  Root root();

  /**
   * Whether this is a reference path: it can identify only a single node, because it has no
   * wildcards, filters, slices, unions or deep scans.
   */
  boolean isReferencePath();
}
