package io.statecraft.asl.validate;

/**
 * How serious a diagnostic is. {@code ERROR} means a state machine cannot be created or updated
 * with the definition; {@code WARNING} points at something that is allowed but probably not what
 * was meant.
 */
public enum Severity {
  ERROR,
  WARNING
}
