package io.statecraft.api.error;

import org.springframework.http.HttpStatus;

/**
 * Every error the APIs answer, with its AWS Step Functions name and status on the AWS protocol
 * endpoint and its status on the REST API.
 *
 * <p>The AWS names and statuses are those of the Step Functions API reference and the service model
 * the AWS SDKs are generated from (which declares every Step Functions error with HTTP 400); the
 * common errors ({@code UnknownOperationException}, {@code SerializationException}, the
 * authentication errors) are those AWS's JSON 1.0 protocol answers for every service.
 */
public enum ErrorCode {
  VALIDATION("ValidationException", 400, HttpStatus.BAD_REQUEST),
  MISSING_REQUIRED_PARAMETER("MissingRequiredParameter", 400, HttpStatus.BAD_REQUEST),
  SERIALIZATION("SerializationException", 400, HttpStatus.BAD_REQUEST),
  UNKNOWN_OPERATION("UnknownOperationException", 400, HttpStatus.NOT_FOUND),
  REQUEST_TOO_LARGE("RequestEntityTooLargeException", 413, HttpStatus.PAYLOAD_TOO_LARGE),
  INVALID_ARN("InvalidArn", 400, HttpStatus.BAD_REQUEST),
  INVALID_NAME("InvalidName", 400, HttpStatus.BAD_REQUEST),
  INVALID_DEFINITION("InvalidDefinition", 400, HttpStatus.BAD_REQUEST),
  INVALID_LOGGING_CONFIGURATION("InvalidLoggingConfiguration", 400, HttpStatus.BAD_REQUEST),
  INVALID_TRACING_CONFIGURATION("InvalidTracingConfiguration", 400, HttpStatus.BAD_REQUEST),
  INVALID_ENCRYPTION_CONFIGURATION("InvalidEncryptionConfiguration", 400, HttpStatus.BAD_REQUEST),
  INVALID_TOKEN("InvalidToken", 400, HttpStatus.BAD_REQUEST),
  STATE_MACHINE_DOES_NOT_EXIST("StateMachineDoesNotExist", 400, HttpStatus.NOT_FOUND),
  STATE_MACHINE_ALREADY_EXISTS("StateMachineAlreadyExists", 400, HttpStatus.CONFLICT),
  STATE_MACHINE_DELETING("StateMachineDeleting", 400, HttpStatus.CONFLICT),
  STATE_MACHINE_LIMIT_EXCEEDED("StateMachineLimitExceeded", 400, HttpStatus.CONFLICT),
  RESOURCE_NOT_FOUND("ResourceNotFound", 400, HttpStatus.NOT_FOUND),
  CONFLICT("ConflictException", 400, HttpStatus.CONFLICT),
  SERVICE_QUOTA_EXCEEDED("ServiceQuotaExceededException", 400, HttpStatus.CONFLICT),
  TOO_MANY_TAGS("TooManyTags", 400, HttpStatus.BAD_REQUEST),
  EXECUTION_DOES_NOT_EXIST("ExecutionDoesNotExist", 400, HttpStatus.NOT_FOUND),
  EXECUTION_ALREADY_EXISTS("ExecutionAlreadyExists", 400, HttpStatus.CONFLICT),
  EXECUTION_LIMIT_EXCEEDED("ExecutionLimitExceeded", 400, HttpStatus.TOO_MANY_REQUESTS),
  INVALID_EXECUTION_INPUT("InvalidExecutionInput", 400, HttpStatus.BAD_REQUEST),
  INVALID_OUTPUT("InvalidOutput", 400, HttpStatus.BAD_REQUEST),
  TASK_DOES_NOT_EXIST("TaskDoesNotExist", 400, HttpStatus.NOT_FOUND),
  TASK_TIMED_OUT("TaskTimedOut", 400, HttpStatus.CONFLICT),
  STATE_MACHINE_TYPE_NOT_SUPPORTED("StateMachineTypeNotSupported", 400, HttpStatus.BAD_REQUEST),
  SERVICE_UNAVAILABLE("ServiceUnavailable", 503, HttpStatus.SERVICE_UNAVAILABLE),
  THROTTLING("ThrottlingException", 400, HttpStatus.TOO_MANY_REQUESTS),
  MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException", 403, HttpStatus.UNAUTHORIZED),
  INCOMPLETE_SIGNATURE("IncompleteSignatureException", 400, HttpStatus.UNAUTHORIZED),
  INVALID_SIGNATURE("InvalidSignatureException", 400, HttpStatus.UNAUTHORIZED),
  UNRECOGNIZED_CLIENT("UnrecognizedClientException", 400, HttpStatus.UNAUTHORIZED),
  INTERNAL_FAILURE("InternalFailure", 500, HttpStatus.INTERNAL_SERVER_ERROR);

  private final String awsType;
  private final int awsStatus;
  private final HttpStatus restStatus;

  ErrorCode(String awsType, int awsStatus, HttpStatus restStatus) {
    this.awsType = awsType;
    this.awsStatus = awsStatus;
    this.restStatus = restStatus;
  }

  /** The {@code __type} on the AWS protocol endpoint. */
  public String awsType() {
    return awsType;
  }

  /** The HTTP status on the AWS protocol endpoint. */
  public int awsStatus() {
    return awsStatus;
  }

  /** The HTTP status on the REST API. */
  public HttpStatus restStatus() {
    return restStatus;
  }
}
