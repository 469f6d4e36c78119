package io.statecraft.api.error;

import java.io.IOException;

/** A request body longer than the configured limit; thrown while the body is being read. */
public final class RequestTooLargeException extends IOException {

  public RequestTooLargeException(long limit) {
    super("The request body is larger than " + limit + " bytes, the most accepted");
  }

  /** The instance in {@code e}'s cause chain, or {@code null}. */
  public static RequestTooLargeException findIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RequestTooLargeException tooLarge) {
        return tooLarge;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
