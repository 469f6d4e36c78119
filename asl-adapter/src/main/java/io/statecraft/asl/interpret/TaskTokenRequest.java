package io.statecraft.asl.interpret;

import java.util.Objects;

/**
 * What the core tells the {@link Tasks} port when it needs a task token.
 *
 * @param invocationId the identity of the attempt the token is for (see {@link
 *     TaskInvocation#invocationId()})
 * @param stateName the Task state
 * @param resource the state's {@code Resource}
 */
public record TaskTokenRequest(String invocationId, String stateName, String resource) {
  public TaskTokenRequest {
    Objects.requireNonNull(invocationId, "invocationId");
    Objects.requireNonNull(stateName, "stateName");
    Objects.requireNonNull(resource, "resource");
  }
}
