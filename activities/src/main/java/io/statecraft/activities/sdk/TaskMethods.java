package io.statecraft.activities.sdk;

import io.statecraft.activities.TaskContext;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Finds the {@link AslTask} methods of an object and turns them into tasks. */
final class TaskMethods {

  private TaskMethods() {}

  static List<RegisteredTask> scan(Object target) {
    Class<?> type = target.getClass();
    List<RegisteredTask> found = new ArrayList<>();
    Set<String> signatures = new HashSet<>();
    for (Class<?> declaring : hierarchy(type)) {
      Method[] methods = declaring.getDeclaredMethods();
      // Declared order is unspecified; sort so registration (and its errors) are reproducible.
      Arrays.sort(methods, (a, b) -> a.toString().compareTo(b.toString()));
      for (Method method : methods) {
        AslTask annotation = method.getAnnotation(AslTask.class);
        if (annotation == null || method.isSynthetic() || method.isBridge()) {
          continue;
        }
        if (!signatures.add(method.getName() + Arrays.toString(method.getParameterTypes()))) {
          continue; // overridden further down the hierarchy, already registered from there
        }
        Method implementation = implementation(type, method);
        found.add(task(annotation.value(), target, implementation, method));
      }
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          type.getName() + " has no method annotated @" + AslTask.class.getSimpleName());
    }
    return found;
  }

  private static RegisteredTask task(String name, Object target, Method method, Method declared) {
    String source = method.getDeclaringClass().getName() + "." + method.getName();
    Type[] parameters = declared.getGenericParameterTypes();
    int contextIndex = -1;
    int inputIndex = -1;
    for (int i = 0; i < parameters.length; i++) {
      if (declared.getParameterTypes()[i] == TaskContext.class) {
        if (contextIndex >= 0) {
          throw signature(source, "it declares TaskContext twice");
        }
        contextIndex = i;
      } else {
        if (inputIndex >= 0) {
          throw signature(
              source, "it has two input parameters (" + (inputIndex + 1) + " and " + (i + 1) + ")");
        }
        inputIndex = i;
      }
    }
    if (!method.trySetAccessible()) {
      throw signature(source, "it is not accessible; make it and its class public");
    }
    Object receiver = Modifier.isStatic(method.getModifiers()) ? null : target;
    int count = parameters.length;
    int input = inputIndex;
    int context = contextIndex;
    RegisteredTask.Invoker invoker =
        (argument, taskContext) -> {
          Object[] args = new Object[count];
          if (input >= 0) {
            args[input] = argument;
          }
          if (context >= 0) {
            args[context] = taskContext;
          }
          return method.invoke(receiver, args);
        };
    return new RegisteredTask(
        name, null, invoker, source, inputIndex >= 0 ? parameters[inputIndex] : null);
  }

  private static Method implementation(Class<?> type, Method declared) {
    if (!declared.getDeclaringClass().isInterface() || Modifier.isStatic(declared.getModifiers())) {
      return declared;
    }
    try {
      return type.getMethod(declared.getName(), declared.getParameterTypes());
    } catch (NoSuchMethodException e) {
      return declared;
    }
  }

  /** The class, its superclasses, then all interfaces, most specific first. */
  private static Set<Class<?>> hierarchy(Class<?> type) {
    Set<Class<?>> classes = new LinkedHashSet<>();
    Deque<Class<?>> interfaces = new ArrayDeque<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      classes.add(c);
      interfaces.addAll(Arrays.asList(c.getInterfaces()));
    }
    while (!interfaces.isEmpty()) {
      Class<?> next = interfaces.poll();
      if (classes.add(next)) {
        interfaces.addAll(Arrays.asList(next.getInterfaces()));
      }
    }
    return classes;
  }

  private static IllegalArgumentException signature(String source, String problem) {
    return new IllegalArgumentException(
        "@"
            + AslTask.class.getSimpleName()
            + " method "
            + source
            + " cannot be a task: "
            + problem
            + ". A task method takes at most one input parameter, optionally a TaskContext, and"
            + " returns any JSON-mappable value or void.");
  }
}
