package io.statecraft.api.error;

import java.util.List;

/**
 * A request that cannot be served, for a reason the caller can act on. Both APIs answer it in their
 * own shape: the AWS protocol as {@code {"__type", "message"}}, the REST API as a problem detail.
 */
public class ApiException extends RuntimeException {

  private final ErrorCode code;
  private final List<FieldIssue> issues;
  private final String resourceName;

  public ApiException(ErrorCode code, String message) {
    this(code, message, List.of(), null);
  }

  public ApiException(ErrorCode code, String message, List<FieldIssue> issues) {
    this(code, message, issues, null);
  }

  /**
   * An error about one resource; {@code resourceName} is answered in the {@code resourceName}
   * member AWS gives {@code ResourceNotFound} and {@code TooManyTags}.
   */
  public ApiException(
      ErrorCode code, String message, List<FieldIssue> issues, String resourceName) {
    super(message, null, false, false);
    this.code = code;
    this.issues = List.copyOf(issues);
    this.resourceName = resourceName;
  }

  /** The ARN of the resource the error is about, when AWS names it; otherwise {@code null}. */
  public String resourceName() {
    return resourceName;
  }

  /** The error's code. */
  public ErrorCode code() {
    return code;
  }

  /** The fields at fault, when the error is about fields. */
  public List<FieldIssue> issues() {
    return issues;
  }

  /**
   * A {@code ValidationException} in AWS's words: {@code N validation error(s) detected: Value 'x'
   * at 'field' failed to satisfy constraint: ...}, joined by {@code ; }.
   */
  public static ApiException validation(List<FieldIssue> issues) {
    StringBuilder message = new StringBuilder();
    message
        .append(issues.size())
        .append(
            issues.size() == 1 ? " validation error detected: " : " validation errors detected: ");
    for (int i = 0; i < issues.size(); i++) {
      FieldIssue issue = issues.get(i);
      if (i > 0) {
        message.append("; ");
      }
      message.append("Value ");
      if (issue.rejected() == null) {
        message.append("null ");
      } else {
        message.append('\'').append(abbreviate(issue.rejected())).append("' ");
      }
      message
          .append("at '")
          .append(issue.awsPath())
          .append("' failed to satisfy constraint: ")
          .append(issue.message());
    }
    return new ApiException(ErrorCode.VALIDATION, message.toString(), issues);
  }

  /** One field issue as a {@code ValidationException}. */
  public static ApiException validation(String pointer, String rejected, String message) {
    return validation(List.of(new FieldIssue(pointer, rejected, message)));
  }

  private static String abbreviate(String value) {
    return value.length() <= 256 ? value : value.substring(0, 256) + "...";
  }
}
