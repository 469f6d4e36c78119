package io.statecraft.asl.error;

/**
 * The one exception that carries an {@link AslError} through the engine. Everything that fails at
 * run time, whether a path that does not resolve, an intrinsic called wrongly or a task that
 * reports an error, surfaces as this exception, so Retry and Catch see a single shape.
 */
public final class AslFailure extends RuntimeException {

  private final transient AslError aslError;

  public AslFailure(AslError aslError) {
    super(
        aslError.error() + (aslError.cause() == null ? "" : ": " + aslError.cause()),
        null,
        false,
        false);
    this.aslError = aslError;
  }

  public AslFailure(StatesError error, String cause) {
    this(AslError.of(error, cause));
  }

  public AslError aslError() {
    return aslError;
  }

  public String error() {
    return aslError.error();
  }

  public String cause() {
    return aslError.cause();
  }
}
