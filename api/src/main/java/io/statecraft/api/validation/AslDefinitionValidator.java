package io.statecraft.api.validation;

import io.statecraft.asl.Asl;
import io.statecraft.asl.validate.ResourceCheck;
import io.statecraft.asl.validate.Severity;
import io.statecraft.asl.validate.StateMachineType;
import io.statecraft.asl.validate.ValidationOptions;
import io.statecraft.asl.validate.ValidationResult;
import io.statecraft.workflows.ResourceCatalog;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Validates definitions with the engine's own reader, so the API accepts exactly what runs: Task
 * resources are checked against the workers' {@link ResourceCatalog}, so one no worker runs is
 * {@code INVALID_RESOURCE} at create, update and validate time rather than a failure at run time.
 */
@Component
public class AslDefinitionValidator implements DefinitionValidator {

  private static final Logger log = LoggerFactory.getLogger(AslDefinitionValidator.class);

  private final ResourceCheck resources;

  /** Checks resources against the configured catalog, or the standard one when none is given. */
  @Autowired
  public AslDefinitionValidator(ObjectProvider<ResourceCatalog> catalog) {
    this(catalog.getIfAvailable(ResourceCatalog::standard));
  }

  public AslDefinitionValidator(ResourceCheck resources) {
    this.resources = resources;
  }

  @Override
  public Report validate(String definition, Options options) {
    ValidationOptions asl =
        ValidationOptions.DEFAULTS
            .withType(
                StateMachineType.valueOf(options.type() == null ? "STANDARD" : options.type()))
            .withSeverity(
                Severity.valueOf(
                    options.minimumSeverity() == null ? "ERROR" : options.minimumSeverity()))
            .withMaxResults(options.maxResults())
            .withResourceCheck(resources);
    ValidationResult result;
    try {
      result = Asl.validate(definition, asl);
    } catch (RuntimeException | StackOverflowError e) {
      // The reader promises diagnostics for any input; should it break that promise, the caller
      // still gets a refusal of the definition rather than an internal error.
      String reference = UUID.randomUUID().toString();
      log.error("Definition validation failed unexpectedly (reference {})", reference, e);
      return new Report(
          "FAIL",
          List.of(
              new Diagnostic(
                  "ERROR",
                  "SCHEMA_VALIDATION_FAILED",
                  "The definition could not be validated (reference " + reference + ")",
                  null)),
          false);
    }
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
