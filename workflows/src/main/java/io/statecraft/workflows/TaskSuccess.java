package io.statecraft.workflows;

import java.util.Objects;

/**
 * {@code SendTaskSuccess}: the argument of {@link TaskCallbacks#sendTaskSuccess}.
 *
 * @param taskToken the token, as {@code $$.Task.Token} showed it
 * @param output the task's result, JSON text
 */
public record TaskSuccess(String taskToken, String output) {
  public TaskSuccess {
    Objects.requireNonNull(taskToken, "taskToken");
    Objects.requireNonNull(output, "output");
  }
}
