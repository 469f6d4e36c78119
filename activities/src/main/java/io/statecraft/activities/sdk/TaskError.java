package io.statecraft.activities.sdk;

import java.util.Objects;

/**
 * A task failure with an ASL error name and cause. The task's state sees exactly this name: a
 * {@code Retry} or {@code Catch} whose {@code ErrorEquals} lists it matches, and so do {@code
 * States.ALL} and {@code States.TaskFailed}.
 *
 * <pre>{@code
 * throw TaskError.of("OrderInvalid", "Item 2 has quantity 0");
 * }</pre>
 *
 * The class may be extended to give an error its own Java type:
 *
 * <pre>{@code
 * public final class PaymentDeclined extends TaskError {
 *   public PaymentDeclined(String reason) {
 *     super("PaymentDeclined", reason);
 *   }
 * }
 * }</pre>
 *
 * <p>The dispatcher turns it into a Temporal {@code ApplicationFailure} whose type is the error
 * name and whose message is the cause. It does not mark the failure non-retryable: whether the
 * error is retried is up to the state's {@code Retry} rules.
 */
public class TaskError extends RuntimeException {

  /** The longest error name, as for {@code SendTaskFailure}. */
  public static final int MAX_ERROR_LENGTH = 256;

  /** The longest cause kept, as for {@code SendTaskFailure}; longer causes are cut. */
  public static final int MAX_CAUSE_LENGTH = 32_768;

  private final String error;
  private final String cause;

  /**
   * @param error the ASL error name, 1 to 256 characters
   * @param cause the human-readable cause, or {@code null}
   */
  protected TaskError(String error, String cause) {
    this(error, cause, null);
  }

  /**
   * @param error the ASL error name, 1 to 256 characters
   * @param cause the human-readable cause, or {@code null}
   * @param underlying the exception that led to this error, kept as the Java cause
   */
  protected TaskError(String error, String cause, Throwable underlying) {
    super(message(error, cause), underlying);
    this.error = error;
    this.cause = truncate(cause);
  }

  /** A task error with the given ASL error name and cause. */
  public static TaskError of(String error, String cause) {
    return new TaskError(error, cause);
  }

  /** A task error with the given ASL error name and cause, keeping the exception behind it. */
  public static TaskError of(String error, String cause, Throwable underlying) {
    return new TaskError(error, cause, underlying);
  }

  /** The ASL error name. */
  public final String error() {
    return error;
  }

  /** The ASL cause, or {@code null}. */
  public final String cause() {
    return cause;
  }

  private static String message(String error, String cause) {
    Objects.requireNonNull(error, "error");
    if (error.isBlank()) {
      throw new IllegalArgumentException("A task error name must not be blank");
    }
    if (error.length() > MAX_ERROR_LENGTH) {
      throw new IllegalArgumentException(
          "A task error name is at most "
              + MAX_ERROR_LENGTH
              + " characters, was "
              + error.length());
    }
    return cause == null ? error : error + ": " + truncate(cause);
  }

  private static String truncate(String cause) {
    if (cause == null || cause.length() <= MAX_CAUSE_LENGTH) {
      return cause;
    }
    return cause.substring(0, MAX_CAUSE_LENGTH);
  }
}
