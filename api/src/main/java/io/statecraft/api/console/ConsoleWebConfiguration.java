package io.statecraft.api.console;

import io.statecraft.api.config.ConditionalOnRole;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How the console's files are served: readable without credentials, because they hold no data (the
 * REST calls the page makes are authenticated like any other, with the API key or user the page
 * asks for), revalidated on every load so that a new version of the platform is picked up at once,
 * and under a content security policy that lets the page load and call nothing but the platform
 * itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnRole(ConditionalOnRole.Part.API)
class ConsoleWebConfiguration implements WebMvcConfigurer {

  /** Scripts, styles, images and API calls from this origin only; no inline code, no framing. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
          + " frame-ancestors 'none'; form-action 'self'";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/console/**")
        .addResourceLocations("classpath:/static/console/")
        .setCacheControl(CacheControl.noCache());
    registry
        .addResourceHandler("/index.html")
        .addResourceLocations("classpath:/static/")
        .setCacheControl(CacheControl.noCache());
  }

  /** Ahead of the REST chain, which would ask for credentials when authentication is on. */
  @Bean
  @Order(0)
  SecurityFilterChain consoleChain(HttpSecurity http) throws Exception {
    http.securityMatcher(ConsoleWebConfiguration::isConsoleRead)
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .anonymous(Customizer.withDefaults())
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    // The resource handlers set Cache-Control: no-cache, which keeps ETags working.
                    .cacheControl(cache -> cache.disable()))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
    return http.build();
  }

  static boolean isConsoleRead(HttpServletRequest request) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return false;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/") || path.equals("/index.html") || path.startsWith("/console/");
  }
}
