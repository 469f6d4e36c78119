package io.statecraft.activities.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import java.lang.reflect.InvocationTargetException;
import java.util.IdentityHashMap;
import java.util.Map;

/** Turns what a task throws into the failure Temporal records, as {@link TaskErrors} describes. */
final class Failures {

  private static final int MAX_CAUSE_DEPTH = 8;

  private Failures() {}

  /**
   * The exception to throw from the activity for {@code thrown}. Virtual machine errors are
   * returned unchanged: the process is in no state to describe them.
   */
  static RuntimeException translate(Throwable thrown, ObjectMapper mapper) {
    Throwable t = unwrap(thrown);
    if (t instanceof ActivityCompletionException completion) {
      // Cancellation or a lost heartbeat: Temporal itself must see it.
      return completion;
    }
    if (t instanceof ApplicationFailure failure) {
      return failure;
    }
    if (t instanceof TaskError error) {
      ApplicationFailure failure =
          error.getCause() == null
              ? ApplicationFailure.newFailure(error.cause(), error.error())
              : ApplicationFailure.newFailureWithCause(
                  error.cause(), error.error(), error.getCause());
      failure.setStackTrace(error.getStackTrace());
      return failure;
    }
    if (t instanceof VirtualMachineError vmError) {
      throw vmError;
    }
    ApplicationFailure failure =
        ApplicationFailure.newFailure(errorDocument(t, mapper), t.getClass().getName());
    failure.setStackTrace(t.getStackTrace());
    return failure;
  }

  /** A failure with one of the {@link TaskErrors} names. */
  static ApplicationFailure named(String error, String cause) {
    return ApplicationFailure.newFailure(cause, error);
  }

  /** Lambda's error document for an exception, as compact JSON. */
  static String errorDocument(Throwable t, ObjectMapper mapper) {
    ObjectNode document = describe(t, mapper, 0, new IdentityHashMap<>());
    try {
      return mapper.writeValueAsString(document);
    } catch (Exception e) {
      return t.getClass().getName() + ": " + t.getMessage();
    }
  }

  private static ObjectNode describe(
      Throwable t, ObjectMapper mapper, int depth, Map<Throwable, Boolean> seen) {
    seen.put(t, Boolean.TRUE);
    ObjectNode node = mapper.createObjectNode();
    if (t.getMessage() != null) {
      node.put("errorMessage", t.getMessage());
    }
    node.put("errorType", t.getClass().getName());
    ArrayNode frames = node.putArray("stackTrace");
    StackTraceElement[] trace = t.getStackTrace();
    for (int i = 0; i < trace.length && i < TaskErrors.MAX_STACK_FRAMES; i++) {
      frames.add(trace[i].toString());
    }
    Throwable cause = t.getCause();
    if (cause != null && depth < MAX_CAUSE_DEPTH && !seen.containsKey(cause)) {
      node.set("cause", describe(cause, mapper, depth + 1, seen));
    }
    return node;
  }

  private static Throwable unwrap(Throwable thrown) {
    Throwable t = thrown;
    while (t instanceof InvocationTargetException ite && ite.getCause() != null) {
      t = ite.getCause();
    }
    return t;
  }
}
