package io.statecraft.asl.expr;

/**
 * A path, intrinsic call or JSONata expression that does not compile. The reader turns it into a
 * diagnostic at the field's location.
 */
public final class ExpressionException extends Exception {

  /** What kind of problem, so that the validator can pick AWS's diagnostic code. */
  public enum Kind {
    INVALID_PATH,
    INVALID_INTRINSIC,
    INVALID_JSONATA,
    UNSUPPORTED_JSONATA
  }

  private final Kind kind;

  public ExpressionException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public ExpressionException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
