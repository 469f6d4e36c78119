package io.statecraft.asl.validate;

import java.util.Optional;

/**
 * Decides whether the platform can run a resource. The validator checks the syntax of every {@code
 * Resource} ARN itself; whether an integration is available is the platform's decision, so it is
 * passed in through {@link ValidationOptions}. A problem is reported as {@code INVALID_RESOURCE} at
 * the {@code Resource} field.
 */
@FunctionalInterface
public interface ResourceCheck {

  /** Where a resource ARN appears. */
  enum Use {
    /** A Task state's {@code Resource}. */
    TASK,
    /** A distributed Map's {@code ItemReader.Resource}. */
    ITEM_READER,
    /** A distributed Map's {@code ResultWriter.Resource}. */
    RESULT_WRITER
  }

  /** Accepts every syntactically valid resource. */
  ResourceCheck ANY = (use, resource) -> Optional.empty();

  /**
   * Why the resource cannot be used, or empty when it can.
   *
   * @param use where the resource appears
   * @param resource the ARN as written; already known to be syntactically valid
   */
  Optional<String> problem(Use use, String resource);
}
