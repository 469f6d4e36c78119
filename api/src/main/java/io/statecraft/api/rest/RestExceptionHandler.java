package io.statecraft.api.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.Concurrency;
import io.statecraft.api.error.ErrorCode;
import io.statecraft.api.error.FieldIssue;
import io.statecraft.api.error.RequestTooLargeException;
import io.statecraft.api.validation.RequestBinder;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Maps every failure of the REST API to an RFC 9457 problem detail: {@code code} is the Step
 * Functions error name, {@code errors} lists each field at fault as {@code {pointer, message}}.
 * Never a stack trace.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RestExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(RestExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
    return problem(e.code().restStatus(), e.code(), e.getMessage(), e.issues(), request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    RequestTooLargeException tooLarge = RequestTooLargeException.findIn(e);
    if (tooLarge != null) {
      return problem(
          HttpStatus.PAYLOAD_TOO_LARGE,
          ErrorCode.REQUEST_TOO_LARGE,
          tooLarge.getMessage(),
          List.of(),
          request);
    }
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof StreamReadException parse) {
      return problem(
          HttpStatus.BAD_REQUEST,
          ErrorCode.SERIALIZATION,
          RequestBinder.describe(parse),
          List.of(),
          request);
    }
    if (cause instanceof JsonProcessingException mapping) {
      FieldIssue issue = RequestBinder.issue(mapping, "this request");
      return problem(
          HttpStatus.BAD_REQUEST,
          ErrorCode.VALIDATION,
          "The request body does not match the expected shape",
          List.of(issue),
          request);
    }
    return problem(
        HttpStatus.BAD_REQUEST,
        ErrorCode.SERIALIZATION,
        "A JSON request body is required",
        List.of(),
        request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> mismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    String type =
        e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
    return problem(
        HttpStatus.BAD_REQUEST,
        ErrorCode.VALIDATION,
        "Parameter '"
            + e.getName()
            + "' must be "
            + (type.equals("int") || type.equals("Integer") ? "an integer" : type),
        List.of(
            new FieldIssue(
                "/" + e.getName(), String.valueOf(e.getValue()), "Member must be an integer")),
        request);
  }

  /** The client went away before the answer was written: nothing to answer, nothing failed. */
  @ExceptionHandler(AsyncRequestNotUsableException.class)
  void clientGone(AsyncRequestNotUsableException e, HttpServletRequest request) {
    log.debug(
        "The client of {} closed the connection: {}", request.getRequestURI(), e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    if (e instanceof ErrorResponse error) {
      // Spring MVC's own errors: unknown path, wrong method or media type, missing parameter.
      HttpStatusCode status = error.getStatusCode();
      ErrorCode code = status.value() == 404 ? ErrorCode.UNKNOWN_OPERATION : ErrorCode.VALIDATION;
      String detail =
          error.getBody().getDetail() == null
              ? e.getClass().getSimpleName()
              : error.getBody().getDetail();
      return problem(status, code, detail, List.of(), request);
    }
    RequestTooLargeException tooLarge = RequestTooLargeException.findIn(e);
    if (tooLarge != null) {
      return problem(
          HttpStatus.PAYLOAD_TOO_LARGE,
          ErrorCode.REQUEST_TOO_LARGE,
          tooLarge.getMessage(),
          List.of(),
          request);
    }
    ApiException conflict = Concurrency.conflictOrNull(e);
    if (conflict != null) {
      return api(conflict, request);
    }
    String id = UUID.randomUUID().toString();
    log.error("Internal failure {} on {}", id, request.getRequestURI(), e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        ErrorCode.INTERNAL_FAILURE,
        "An internal error occurred (reference " + id + ")",
        List.of(),
        request);
  }

  static ResponseEntity<ProblemDetail> problem(
      HttpStatusCode status,
      ErrorCode code,
      String detail,
      List<FieldIssue> issues,
      HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    HttpStatus known = HttpStatus.resolve(status.value());
    problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
    problem.setInstance(URI.create(request.getRequestURI()));
    problem.setProperty("code", code.awsType());
    if (!issues.isEmpty()) {
      problem.setProperty(
          "errors",
          issues.stream()
              .map(
                  i ->
                      Map.of(
                          "pointer",
                          i.pointer().isEmpty() ? "/" : i.pointer(),
                          "message",
                          i.message()))
              .toList());
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
