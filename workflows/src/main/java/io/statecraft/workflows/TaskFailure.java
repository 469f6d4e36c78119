package io.statecraft.workflows;

import java.util.Objects;

/**
 * {@code SendTaskFailure}: the argument of {@link TaskCallbacks#sendTaskFailure}.
 *
 * @param taskToken the token, as {@code $$.Task.Token} showed it
 * @param error the error name Retry and Catch match, or {@code null} (AWS then reports none)
 * @param cause the cause, or {@code null}
 */
public record TaskFailure(String taskToken, String error, String cause) {
  public TaskFailure {
    Objects.requireNonNull(taskToken, "taskToken");
  }
}
