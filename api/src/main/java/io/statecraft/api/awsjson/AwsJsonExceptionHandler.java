package io.statecraft.api.awsjson;

import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.Concurrency;
import io.statecraft.api.error.ErrorCode;
import io.statecraft.api.error.RequestTooLargeException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps every failure on the AWS protocol endpoint to AWS's error shape; never a stack trace. */
@RestControllerAdvice(assignableTypes = AwsJsonController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AwsJsonExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(AwsJsonExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<byte[]> api(ApiException e) {
    return error(e);
  }

  @ExceptionHandler(RequestTooLargeException.class)
  ResponseEntity<byte[]> tooLarge(RequestTooLargeException e) {
    return error(new ApiException(ErrorCode.REQUEST_TOO_LARGE, e.getMessage()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<byte[]> unexpected(Exception e) {
    RequestTooLargeException tooLarge = RequestTooLargeException.findIn(e);
    if (tooLarge != null) {
      return tooLarge(tooLarge);
    }
    ApiException conflict = Concurrency.conflictOrNull(e);
    if (conflict != null) {
      return error(conflict);
    }
    String id = UUID.randomUUID().toString();
    log.error("Internal failure {} on the AWS protocol endpoint", id, e);
    return error(
        new ApiException(
            ErrorCode.INTERNAL_FAILURE, "An internal error occurred (reference " + id + ")"));
  }

  private static ResponseEntity<byte[]> error(ApiException e) {
    return ResponseEntity.status(e.code().awsStatus())
        .contentType(AwsJsonController.AMZ_JSON)
        .header("x-amzn-RequestId", UUID.randomUUID().toString())
        .header("x-amzn-ErrorType", e.code().awsType())
        .body(AwsErrors.body(e));
  }
}
