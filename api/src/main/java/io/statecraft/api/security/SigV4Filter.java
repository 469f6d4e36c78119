package io.statecraft.api.security;

import io.statecraft.api.awsjson.AwsErrors;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import io.statecraft.api.error.RequestTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates AWS protocol requests by their SigV4 signature. The body (already bounded by the
 * size limit) is read once for the payload hash and handed on unchanged.
 */
final class SigV4Filter extends OncePerRequestFilter {

  private final SigV4Verifier verifier;
  private final Clock clock;

  SigV4Filter(SigV4Verifier verifier, Clock clock) {
    this.verifier = verifier;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body;
    try {
      body = request.getInputStream().readAllBytes();
    } catch (RequestTooLargeException e) {
      AwsErrors.write(response, new ApiException(ErrorCode.REQUEST_TOO_LARGE, e.getMessage()));
      return;
    }
    String accessKey;
    try {
      accessKey =
          verifier.verify(
              new SigV4Verifier.SignedRequest(
                  request.getMethod(),
                  request.getRequestURI(),
                  request.getQueryString(),
                  name -> {
                    var values = request.getHeaders(name);
                    return values == null ? List.of() : Collections.list(values);
                  },
                  body),
              clock.instant());
    } catch (ApiException e) {
      AwsErrors.write(response, e);
      return;
    }
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            accessKey, null, AuthorityUtils.createAuthorityList("ROLE_AWS_CLIENT")));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(new CachedBody(request, body), response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** The request with its body already read. */
  private static final class CachedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is already read");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(
          new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
