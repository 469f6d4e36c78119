package io.statecraft.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.model.StateMachine;
import io.statecraft.asl.read.AslReader;
import io.statecraft.asl.read.ReadResult;
import io.statecraft.asl.validate.InvalidDefinitionException;
import io.statecraft.asl.validate.ValidationOptions;
import io.statecraft.asl.validate.ValidationResult;

/**
 * The way into the Amazon States Language: read a definition into a {@link StateMachine}, or
 * validate it the way AWS {@code ValidateStateMachineDefinition} does.
 *
 * <p>Both report every problem at once, never only the first: field checks first, then graph checks
 * (transition targets, terminal states, reachability). Neither throws on a malformed definition,
 * however broken; {@code read} throws one {@link InvalidDefinitionException} carrying all
 * diagnostics.
 */
public final class Asl {

  private Asl() {}

  /**
   * Reads a definition.
   *
   * @throws InvalidDefinitionException when it has at least one error
   */
  public static StateMachine read(String json) {
    return read(json, ValidationOptions.DEFAULTS);
  }

  /**
   * Reads a definition, checking its resources with the options' resource check.
   *
   * @throws InvalidDefinitionException when it has at least one error
   */
  public static StateMachine read(String json, ValidationOptions options) {
    return orThrow(AslReader.read(json, options));
  }

  /**
   * Reads a definition already parsed as JSON. Prefer the text when there is one: duplicate state
   * names can only be detected there.
   *
   * @throws InvalidDefinitionException when it has at least one error
   */
  public static StateMachine read(JsonNode definition) {
    return read(definition, ValidationOptions.DEFAULTS);
  }

  /**
   * Reads a definition already parsed as JSON.
   *
   * @throws InvalidDefinitionException when it has at least one error
   */
  public static StateMachine read(JsonNode definition, ValidationOptions options) {
    return orThrow(AslReader.read(definition, options));
  }

  /**
   * Reads definition bytes, which must be UTF-8.
   *
   * @throws InvalidDefinitionException when it has at least one error
   */
  public static StateMachine read(byte[] utf8, ValidationOptions options) {
    return orThrow(AslReader.read(utf8, options));
  }

  /** Validates a definition with AWS's defaults: errors only, at most 100 of them. */
  public static ValidationResult validate(String json) {
    return validate(json, ValidationOptions.DEFAULTS);
  }

  /** Validates a definition. */
  public static ValidationResult validate(String json, ValidationOptions options) {
    return ValidationResult.of(AslReader.read(json, options).diagnostics(), options);
  }

  /** Validates definition bytes, which must be UTF-8. */
  public static ValidationResult validate(byte[] utf8, ValidationOptions options) {
    return ValidationResult.of(AslReader.read(utf8, options).diagnostics(), options);
  }

  private static StateMachine orThrow(ReadResult result) {
    return result
        .stateMachine()
        .orElseThrow(() -> new InvalidDefinitionException(result.diagnostics()));
  }
}
