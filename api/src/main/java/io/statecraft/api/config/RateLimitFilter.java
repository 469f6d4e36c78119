package io.statecraft.api.config;

import io.statecraft.api.awsjson.AwsErrors;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the request rate of both APIs with token buckets: {@code burst} requests at once, refilled
 * at {@code requestsPerSecond}. One bucket for all callers, or one per client: the authenticated
 * principal (access key id, API key holder or user) when authentication is on, the remote address
 * otherwise. It runs after authentication, so a caller cannot pick another caller's bucket, or a
 * fresh one, by naming an identity it does not hold.
 *
 * <p>Over the limit the AWS protocol answers as AWS does: HTTP 400 with {@code
 * {"__type":"ThrottlingException","message":"Rate exceeded"}}, which the AWS SDKs retry with
 * back-off. The REST API answers 429 with a problem detail and {@code Retry-After}.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

  /** Buckets kept for idle clients before full ones are forgotten. */
  static final int MAX_CLIENTS = 10_000;

  private final double ratePerNano;
  private final double burst;
  private final boolean perClient;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param requestsPerSecond the sustained rate, more than 0
   * @param burst the requests allowed at once, at least 1
   * @param perClient one bucket per client rather than one for all
   */
  public RateLimitFilter(
      double requestsPerSecond, int burst, boolean perClient, LongSupplier nanoTime) {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalStateException(
          "statecraft.api.rate-limit.requests-per-second must be a positive number, was "
              + requestsPerSecond);
    }
    if (burst < 1) {
      throw new IllegalStateException(
          "statecraft.api.rate-limit.burst must be at least 1, was " + burst);
    }
    this.ratePerNano = requestsPerSecond / 1e9;
    this.burst = burst;
    this.perClient = perClient;
    this.nanoTime = nanoTime;
  }

  /** Only the two APIs are limited: not the console's files, the API documents or the actuator. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(isAwsProtocol(request) || path.startsWith("/api/"));
  }

  private static boolean isAwsProtocol(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "/".equals(path) && "POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long now = nanoTime.getAsLong();
    Bucket bucket = bucket(client(request), now);
    long waitNanos = bucket.take(now, ratePerNano, burst);
    if (waitNanos == 0) {
      chain.doFilter(request, response);
      return;
    }
    long retryAfterSeconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
    if (isAwsProtocol(request)) {
      AwsErrors.write(response, new ApiException(ErrorCode.THROTTLING, "Rate exceeded"));
      return;
    }
    byte[] body =
        ("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"Rate exceeded: retry after "
                + retryAfterSeconds
                + " s\",\"instance\":\""
                + request.getRequestURI().replace("\\", "\\\\").replace("\"", "\\\"")
                + "\",\"code\":\"ThrottlingException\"}")
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(429);
    response.setContentType("application/problem+json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private String client(HttpServletRequest request) {
    if (!perClient) {
      return "";
    }
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      return "principal:" + authentication.getName();
    }
    return "address:" + request.getRemoteAddr();
  }

  private Bucket bucket(String client, long now) {
    Bucket bucket = buckets.get(client);
    if (bucket != null) {
      return bucket;
    }
    if (buckets.size() >= MAX_CLIENTS) {
      // Forget clients whose bucket has refilled: they start full again, as they would be.
      buckets.values().removeIf(b -> b.isFull(now, ratePerNano, burst));
    }
    return buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
  }

  /** A token bucket; tokens are fractional so that slow rates refill smoothly. */
  static final class Bucket {

    private double tokens;
    private long updated;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updated = now;
    }

    /** Takes a token: 0 when there was one, else how long until there is. */
    synchronized long take(long now, double ratePerNano, double burst) {
      refill(now, ratePerNano, burst);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - tokens) / ratePerNano));
    }

    synchronized boolean isFull(long now, double ratePerNano, double burst) {
      refill(now, ratePerNano, burst);
      return tokens >= burst;
    }

    private void refill(long now, double ratePerNano, double burst) {
      long elapsed = now - updated;
      if (elapsed > 0) {
        tokens = Math.min(burst, tokens + elapsed * ratePerNano);
        updated = now;
      }
    }
  }
}
