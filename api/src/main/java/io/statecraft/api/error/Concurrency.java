package io.statecraft.api.error;

import org.springframework.dao.ConcurrencyFailureException;

/**
 * Database lock and serialisation failures are concurrent changes to one resource; AWS answers
 * those with {@code ConflictException}, and so does this service.
 */
public final class Concurrency {

  private Concurrency() {}

  /** The conflict {@code e} stands for, or {@code null} when it is no concurrency failure. */
  public static ApiException conflictOrNull(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConcurrencyFailureException) {
        return new ApiException(
            ErrorCode.CONFLICT,
            "Another request changed the same resource at the same time; retry the request");
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
