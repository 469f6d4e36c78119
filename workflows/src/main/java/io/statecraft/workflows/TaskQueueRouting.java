package io.statecraft.workflows;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which task queue an activity type is sent to, so that a team's worker on its own queue is
 * reachable without rebuilding the platform.
 *
 * <p>The rules, in order:
 *
 * <ol>
 *   <li>an exact entry: {@code AwardLoyaltyPoints → loyalty-tasks};
 *   <li>otherwise the longest prefix entry, written with a trailing {@code *}: {@code Loyalty* →
 *       loyalty-tasks};
 *   <li>otherwise {@link #defaultQueue()}, where the platform's own worker runs the built-in tasks.
 * </ol>
 *
 * <p>Under replay the route of an activity type is what it was when the execution first sent that
 * type in the current run (the workflow records it with {@code Workflow.mutableSideEffect}); a
 * changed rule reaches running executions at their next task of that type, and never rewrites what
 * already happened.
 *
 * @param defaultQueue the queue for every activity type no rule names
 * @param rules exact names and {@code prefix*} patterns, each mapped to a task queue
 */
public record TaskQueueRouting(String defaultQueue, Map<String, String> rules) {

  public TaskQueueRouting {
    requireQueue(defaultQueue, "the default task queue");
    Objects.requireNonNull(rules, "rules");
    TreeMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> e : rules.entrySet()) {
      String pattern = Objects.requireNonNull(e.getKey(), "a routing pattern");
      int star = pattern.indexOf('*');
      if (pattern.isEmpty() || pattern.equals("*") || (star >= 0 && star != pattern.length() - 1)) {
        throw new IllegalArgumentException(
            "a routing pattern is an activity type, or a non-empty prefix followed by one '*' at"
                + " the end; '"
                + pattern
                + "' is neither");
      }
      requireQueue(e.getValue(), "the task queue of '" + pattern + "'");
      copy.put(pattern, e.getValue());
    }
    rules = Collections.unmodifiableMap(copy);
  }

  /** Every activity type to {@code defaultQueue}. */
  public static TaskQueueRouting to(String defaultQueue) {
    return new TaskQueueRouting(defaultQueue, Map.of());
  }

  /** These rules plus {@code pattern → queue} (replacing an entry with the same pattern). */
  public TaskQueueRouting with(String pattern, String queue) {
    Map<String, String> more = new TreeMap<>(rules);
    more.put(pattern, queue);
    return new TaskQueueRouting(defaultQueue, more);
  }

  /** The task queue of an activity type. */
  public String route(String activityType) {
    Objects.requireNonNull(activityType, "activityType");
    String exact = rules.get(activityType);
    if (exact != null) {
      return exact;
    }
    String best = null;
    int bestLength = -1;
    for (Map.Entry<String, String> e : rules.entrySet()) {
      String pattern = e.getKey();
      if (pattern.endsWith("*")) {
        String prefix = pattern.substring(0, pattern.length() - 1);
        if (activityType.startsWith(prefix) && prefix.length() > bestLength) {
          best = e.getValue();
          bestLength = prefix.length();
        }
      }
    }
    return best != null ? best : defaultQueue;
  }

  private static void requireQueue(String queue, String what) {
    Objects.requireNonNull(queue, what);
    if (queue.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }
}
