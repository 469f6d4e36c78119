package io.statecraft.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class RateLimitFilterTest {

  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void clearContext() {
    SecurityContextHolder.clearContext();
  }

  static MockHttpServletRequest aws(String remoteAddress) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
    request.addHeader("X-Amz-Target", "AWSStepFunctions.ListStateMachines");
    request.setRemoteAddr(remoteAddress);
    return request;
  }

  static MockHttpServletRequest rest(String remoteAddress) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/state-machines");
    request.setRemoteAddr(remoteAddress);
    return request;
  }

  MockHttpServletResponse call(RateLimitFilter filter, MockHttpServletRequest request)
      throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(request, response, chain);
    if (chain.getRequest() != null) {
      response.setStatus(200);
    }
    return response;
  }

  @Test
  void theAwsProtocolAnswersThrottlingExceptionWithStatus400OverTheLimit() throws Exception {
    RateLimitFilter filter = new RateLimitFilter(2, 3, true, now::get);
    for (int i = 0; i < 3; i++) {
      assertThat(call(filter, aws("10.0.0.1")).getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse throttled = call(filter, aws("10.0.0.1"));
    assertThat(throttled.getStatus()).isEqualTo(400);
    JsonNode body = json.readTree(throttled.getContentAsString());
    assertThat(body.path("__type").asText()).isEqualTo("ThrottlingException");
    assertThat(body.path("message").asText()).isEqualTo("Rate exceeded");
    assertThat(throttled.getHeader("x-amzn-ErrorType")).isEqualTo("ThrottlingException");
    assertThat(throttled.getHeader("Retry-After")).isEqualTo("1");

    // Half a second refills one token at 2 requests per second.
    now.addAndGet(500_000_000L);
    assertThat(call(filter, aws("10.0.0.1")).getStatus()).isEqualTo(200);
    assertThat(call(filter, aws("10.0.0.1")).getStatus()).isEqualTo(400);
  }

  @Test
  void theRestApiAnswers429WithAProblemDetail() throws Exception {
    RateLimitFilter filter = new RateLimitFilter(0.1, 1, true, now::get);
    assertThat(call(filter, rest("10.0.0.1")).getStatus()).isEqualTo(200);
    MockHttpServletResponse throttled = call(filter, rest("10.0.0.1"));
    assertThat(throttled.getStatus()).isEqualTo(429);
    assertThat(throttled.getContentType()).isEqualTo("application/problem+json");
    JsonNode body = json.readTree(throttled.getContentAsString());
    assertThat(body.path("status").asInt()).isEqualTo(429);
    assertThat(body.path("title").asText()).isEqualTo("Too Many Requests");
    assertThat(body.path("code").asText()).isEqualTo("ThrottlingException");
    assertThat(body.path("instance").asText()).isEqualTo("/api/v1/state-machines");
    // One token every 10 s.
    assertThat(throttled.getHeader("Retry-After")).isEqualTo("10");
    assertThat(body.path("detail").asText()).contains("retry after 10 s");
  }

  @Test
  void perClientBucketsAreSeparateAndFollowTheAuthenticatedPrincipal() throws Exception {
    RateLimitFilter filter = new RateLimitFilter(1, 1, true, now::get);
    assertThat(call(filter, rest("10.0.0.1")).getStatus()).isEqualTo(200);
    assertThat(call(filter, rest("10.0.0.1")).getStatus()).isEqualTo(429);
    assertThat(call(filter, rest("10.0.0.2")).getStatus()).isEqualTo(200);

    // An authenticated caller is limited by who it is, whatever address it comes from.
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(
                "AKIAEXAMPLE", null, AuthorityUtils.createAuthorityList("ROLE_CLIENT")));
    assertThat(call(filter, aws("10.0.0.1")).getStatus()).isEqualTo(200);
    assertThat(call(filter, aws("10.0.0.3")).getStatus()).isEqualTo(400);
  }

  @Test
  void aGlobalLimitIsSharedByEveryCaller() throws Exception {
    RateLimitFilter filter = new RateLimitFilter(1, 2, false, now::get);
    assertThat(call(filter, rest("10.0.0.1")).getStatus()).isEqualTo(200);
    assertThat(call(filter, aws("10.0.0.2")).getStatus()).isEqualTo(200);
    assertThat(call(filter, rest("10.0.0.3")).getStatus()).isEqualTo(429);
  }

  @Test
  void onlyTheTwoApisAreLimited() throws Exception {
    RateLimitFilter filter = new RateLimitFilter(1, 1, false, now::get);
    assertThat(call(filter, rest("10.0.0.1")).getStatus()).isEqualTo(200);
    for (String path : List.of("/actuator/health", "/", "/index.html", "/v3/api-docs")) {
      MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
      assertThat(call(filter, request).getStatus()).as(path).isEqualTo(200);
    }
  }

  @Test
  void manyClientsKeepTheirOwnLimits() throws Exception {
    RateLimitFilter filter = new RateLimitFilter(1_000, 1, true, now::get);
    for (int i = 0; i < RateLimitFilter.MAX_CLIENTS + 10; i++) {
      assertThat(call(filter, rest("client-" + i)).getStatus()).isEqualTo(200);
      now.addAndGet(10_000L);
    }
    // Idle clients are forgotten once refilled; the latest one is still limited.
    assertThat(call(filter, rest("client-0")).getStatus()).isEqualTo(200);
    assertThat(call(filter, rest("client-" + (RateLimitFilter.MAX_CLIENTS + 9))).getStatus())
        .isEqualTo(429);
  }

  @Test
  void nonsensicalSettingsAreRefusedNamingTheProperty() {
    assertThatThrownBy(() -> new RateLimitFilter(0, 1, true, now::get))
        .hasMessageContaining("statecraft.api.rate-limit.requests-per-second");
    assertThatThrownBy(() -> new RateLimitFilter(Double.NaN, 1, true, now::get))
        .hasMessageContaining("requests-per-second");
    assertThatThrownBy(() -> new RateLimitFilter(1, 0, true, now::get))
        .hasMessageContaining("statecraft.api.rate-limit.burst");
  }
}
