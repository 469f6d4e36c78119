package io.statecraft.activities.builtin;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A secret value held by reference: configuration names where it comes from, and the value is read
 * only when a request needs it. It never prints: {@link #toString()} shows a mask, so a secret
 * cannot leak through logs or error messages by accident.
 */
public final class Secret {

  private final Supplier<String> source;
  private final String description;

  private Secret(Supplier<String> source, String description) {
    this.source = source;
    this.description = description;
  }

  /** A secret whose value is already known, for example bound from a secret store. */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    return new Secret(() -> value, "a configured value");
  }

  /**
   * A secret read from an environment variable each time it is used.
   *
   * @throws IllegalArgumentException when the variable name is blank
   */
  public static Secret fromEnvironment(String variable) {
    return fromEnvironment(variable, System.getenv());
  }

  static Secret fromEnvironment(String variable, Map<String, String> environment) {
    Objects.requireNonNull(variable, "variable");
    if (variable.isBlank()) {
      throw new IllegalArgumentException("The environment variable name must not be blank");
    }
    return new Secret(
        () -> {
          String value = environment.get(variable);
          if (value == null) {
            throw new IllegalStateException("environment variable " + variable + " is not set");
          }
          return value;
        },
        "environment variable " + variable);
  }

  /** A secret read from a supplier each time it is used, for rotating credentials. */
  public static Secret from(Supplier<String> supplier, String description) {
    Objects.requireNonNull(supplier, "supplier");
    return new Secret(supplier, Objects.requireNonNull(description, "description"));
  }

  /**
   * The value.
   *
   * @throws IllegalStateException when the source cannot supply it, naming the source (never the
   *     value)
   */
  public String reveal() {
    String value;
    try {
      value = source.get();
    } catch (IllegalStateException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot read the secret from " + description, e);
    }
    if (value == null) {
      throw new IllegalStateException("the secret from " + description + " is empty");
    }
    return value;
  }

  /** Where the value comes from, without the value. */
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }
}
