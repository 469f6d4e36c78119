package io.statecraft.asl.interpret;

import io.statecraft.asl.error.StatesError;
import io.statecraft.asl.expr.Expression;
import io.statecraft.asl.expr.Template;
import io.statecraft.asl.model.DataFlow;
import io.statecraft.asl.model.JitterStrategy;
import io.statecraft.asl.model.Retrier;
import io.statecraft.asl.model.ValueSource;
import io.statecraft.asl.model.state.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a Task state's retriers can run as one Temporal activity retry policy with
 * exactly the interpreter's behaviour: same attempts, delays, final error and {@code
 * $$.State.RetryCount}.
 *
 * <p>That holds for a single retrier over {@code States.ALL} (Temporal retries every failure except
 * the named non-retryable types, and {@code States.ALL} matches everything except {@code
 * States.Runtime} and {@code States.DataLimitExceeded}), without jitter (Temporal has none), on a
 * task whose every attempt would send the same request: not a callback ({@code .waitForTaskToken}
 * issues a token per attempt) and with no input that reads the retry count or draws fresh
 * randomness or time. Everything else retries in the interpreter with durable timers.
 */
final class NativeRetryPlanner {

  private static final List<String> NON_RETRYABLE =
      List.of(StatesError.RUNTIME.errorName(), StatesError.DATA_LIMIT_EXCEEDED.errorName());

  /** References that would differ between attempts. */
  private static final Pattern VARIES_PER_ATTEMPT =
      Pattern.compile(
          "RetryCount|\\$\\$(?!\\.)|\\$\\$\\.State(?!\\.)|\\$states(?![.\\w])"
              + "|\\$states\\.context(?!\\.)|\\$states\\.context\\.State(?!\\.)"
              + "|States\\.UUID|States\\.MathRandom|\\$uuid|\\$random|\\$now|\\$millis");

  private NativeRetryPlanner() {}

  /**
   * The policy for the next invocation, given the retries made so far; {@code null} when the
   * interpreter must retry itself.
   */
  static NativeRetryPolicy plan(TaskState state, int retriesSoFar) {
    if (state.retry().size() != 1) {
      return null;
    }
    Retrier r = state.retry().get(0);
    if (!r.errorEquals().equals(List.of(StatesError.ALL.errorName()))
        || r.jitterStrategy() != JitterStrategy.NONE
        || r.backoffRate() < 1.0) {
      return null;
    }
    int remaining = r.maxAttempts() - retriesSoFar;
    if (remaining < 1
        || state.resource().endsWith(".waitForTaskToken")
        || variesPerAttempt(state)) {
      return null;
    }
    double initial = r.intervalSeconds() * Math.pow(r.backoffRate(), retriesSoFar);
    double maximum =
        r.maxDelaySeconds().isPresent()
            ? r.maxDelaySeconds().getAsInt()
            : r.intervalSeconds() * Math.pow(r.backoffRate(), Math.max(0, r.maxAttempts() - 1));
    initial = Math.min(initial, maximum);
    return new NativeRetryPolicy(
        initial, r.backoffRate(), remaining + 1, Math.max(maximum, initial), NON_RETRYABLE);
  }

  private static boolean variesPerAttempt(TaskState state) {
    List<String> texts = new ArrayList<>();
    switch (state.dataFlow()) {
      case DataFlow.JsonPath jp ->
          jp.parameters().map(Template::source).ifPresent(s -> texts.add(s.toString()));
      case DataFlow.Jsonata ja ->
          ja.arguments().map(Template::source).ifPresent(s -> texts.add(s.toString()));
    }
    state.credentials().map(Template::source).ifPresent(s -> texts.add(s.toString()));
    dynamicText(state.timeoutSeconds()).ifPresent(texts::add);
    dynamicText(state.heartbeatSeconds()).ifPresent(texts::add);
    for (String t : texts) {
      if (VARIES_PER_ATTEMPT.matcher(t).find()) {
        return true;
      }
    }
    return false;
  }

  private static Optional<String> dynamicText(Optional<ValueSource> source) {
    return source
        .filter(ValueSource.Dynamic.class::isInstance)
        .map(s -> ((ValueSource.Dynamic) s).expression())
        .map(Expression::text);
  }
}
