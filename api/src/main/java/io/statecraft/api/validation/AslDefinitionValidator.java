package io.statecraft.api.validation;

import io.statecraft.asl.Asl;
import io.statecraft.asl.validate.Severity;
import io.statecraft.asl.validate.StateMachineType;
import io.statecraft.asl.validate.ValidationOptions;
import io.statecraft.asl.validate.ValidationResult;
import org.springframework.stereotype.Component;

/** Validates definitions with the engine's own reader, so the API accepts exactly what runs. */
@Component
public class AslDefinitionValidator implements DefinitionValidator {

  @Override
  public Report validate(String definition, Options options) {
    ValidationOptions asl =
        ValidationOptions.DEFAULTS
            .withType(
                StateMachineType.valueOf(options.type() == null ? "STANDARD" : options.type()))
            .withSeverity(
                Severity.valueOf(
                    options.minimumSeverity() == null ? "ERROR" : options.minimumSeverity()))
            .withMaxResults(options.maxResults());
    ValidationResult result = Asl.validate(definition, asl);
    return new Report(
        result.result().name(),
        result.diagnostics().stream()
            .map(
                d ->
                    new Diagnostic(d.severity().name(), d.code().name(), d.message(), d.location()))
            .toList(),
        result.truncated());
  }
}
