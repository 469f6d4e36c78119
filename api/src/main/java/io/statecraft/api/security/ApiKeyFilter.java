package io.statecraft.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates REST requests carrying a configured API key in {@code X-Api-Key}. A request with a
 * wrong key is refused here; one without the header goes on to the other mechanisms (HTTP basic).
 */
final class ApiKeyFilter extends OncePerRequestFilter {

  static final String HEADER = "X-Api-Key";

  private final List<byte[]> keys;
  private final AuthenticationFailureWriter failure;

  ApiKeyFilter(List<String> keys, AuthenticationFailureWriter failure) {
    this.keys = keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    this.failure = failure;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String given = request.getHeader(HEADER);
    if (given == null) {
      chain.doFilter(request, response);
      return;
    }
    byte[] candidate = given.getBytes(StandardCharsets.UTF_8);
    int match = -1;
    // Every key is compared, in constant time, so timing tells nothing about which one is close.
    for (int i = 0; i < keys.size(); i++) {
      if (MessageDigest.isEqual(keys.get(i), candidate)) {
        match = i;
      }
    }
    if (match < 0) {
      failure.write(request, response, "The API key in " + HEADER + " is not valid");
      return;
    }
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            "api-key-" + (match + 1), null, AuthorityUtils.createAuthorityList("ROLE_API")));
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}
