package io.statecraft.api.awsjson;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Writes errors in the JSON 1.0 protocol's shape: {@code {"__type": ..., "message": ...}}. */
public final class AwsErrors {

  private AwsErrors() {}

  /** The error body for {@code e}. */
  public static byte[] body(ApiException e) {
    StringBuilder json = new StringBuilder();
    json.append("{\"__type\":\"").append(e.code().awsType()).append("\",\"message\":\"");
    json.append(JsonStringEncoder.getInstance().quoteAsString(e.getMessage()));
    json.append('"');
    if (e.resourceName() != null) {
      json.append(",\"resourceName\":\"");
      json.append(JsonStringEncoder.getInstance().quoteAsString(e.resourceName()));
      json.append('"');
    }
    json.append('}');
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Writes {@code e} to a servlet response, for filters that answer before any controller. */
  public static void write(HttpServletResponse response, ApiException e) throws IOException {
    ErrorCode code = e.code();
    byte[] body = body(e);
    response.setStatus(code.awsStatus());
    response.setContentType("application/x-amz-json-1.0");
    response.setHeader("x-amzn-RequestId", UUID.randomUUID().toString());
    response.setHeader("x-amzn-ErrorType", code.awsType());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }
}
