package io.statecraft.activities.sdk;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.activities.TaskContext;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * One task of a dispatcher.
 *
 * @param name the task name (activity type)
 * @param inputType the input's Jackson type, or {@code null} when the task takes no input
 * @param invoker runs the task
 * @param source what implements it, for messages
 * @param typeSpec the unresolved input type: a {@link Type}, a {@link TypeReference} or {@code
 *     null}
 */
record RegisteredTask(
    String name, JavaType inputType, Invoker invoker, String source, Object typeSpec) {

  /** Calls the task with its converted input. */
  @FunctionalInterface
  interface Invoker {
    Object invoke(Object argument, TaskContext context) throws Throwable;
  }

  RegisteredTask {
    Objects.requireNonNull(name, "task name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("A task name must not be blank (" + source + ")");
    }
    Objects.requireNonNull(invoker, "invoker");
  }

  RegisteredTask resolve(ObjectMapper mapper) {
    JavaType resolved =
        switch (typeSpec) {
          case null -> null;
          case TypeReference<?> reference -> mapper.getTypeFactory().constructType(reference);
          case Type type -> mapper.getTypeFactory().constructType(type);
          default -> throw new IllegalStateException("Unknown input type " + typeSpec);
        };
    return new RegisteredTask(name, resolved, invoker, source, typeSpec);
  }
}
