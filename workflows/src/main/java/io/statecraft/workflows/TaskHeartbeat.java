package io.statecraft.workflows;

import java.util.Objects;

/**
 * {@code SendTaskHeartbeat}: the argument of {@link TaskCallbacks#sendTaskHeartbeat}.
 *
 * @param taskToken the token, as {@code $$.Task.Token} showed it
 */
public record TaskHeartbeat(String taskToken) {
  public TaskHeartbeat {
    Objects.requireNonNull(taskToken, "taskToken");
  }
}
