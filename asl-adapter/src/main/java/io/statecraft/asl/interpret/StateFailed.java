package io.statecraft.asl.interpret;

/**
 * A state failed and nothing in it caught the failure: its events are already recorded, and the
 * failure moves on to the enclosing graph.
 */
final class StateFailed extends RuntimeException {

  private final String error;
  private final String errorCause;

  StateFailed(String error, String cause) {
    super(error, null, false, false);
    this.error = error;
    this.errorCause = cause;
  }

  String error() {
    return error;
  }

  String errorCause() {
    return errorCause;
  }
}
