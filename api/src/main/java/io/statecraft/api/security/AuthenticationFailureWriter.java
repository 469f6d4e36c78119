package io.statecraft.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 as a problem detail, with the schemes the REST API accepts. */
final class AuthenticationFailureWriter implements AuthenticationEntryPoint {

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    write(request, response, "Authentication required: send X-Api-Key or HTTP basic credentials");
  }

  void write(HttpServletRequest request, HttpServletResponse response, String detail)
      throws IOException {
    String body =
        "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
            + detail.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\",\"code\":\"UnrecognizedClientException\"}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(401);
    response.setHeader(
        "WWW-Authenticate", "Basic realm=\"statecraft\", ApiKey header=\"X-Api-Key\"");
    response.setContentType("application/problem+json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
