package io.statecraft.api.awsjson;

import java.util.function.Function;

/**
 * One action of the protocol: its request shape and what it does.
 *
 * @param name the action, as in {@code X-Amz-Target: AWSStepFunctions.<name>}
 */
record AwsAction<T>(String name, Class<T> requestType, Function<T, Object> handler) {

  Object invoke(Object request) {
    return handler.apply(requestType.cast(request));
  }
}
