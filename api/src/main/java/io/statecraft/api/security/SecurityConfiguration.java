package io.statecraft.api.security;

import io.statecraft.api.config.StatecraftProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. With {@code statecraft.security.enabled=false} (the default, allowed only on
 * loopback: see {@link NetworkExposureGuard}) everything is open. Otherwise the AWS protocol
 * endpoint requires a SigV4 signature by a configured access key, and the REST API and actuator
 * (bar health and info) require an API key ({@code X-Api-Key}) or HTTP basic credentials.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

  /** The AWS protocol: {@code POST /}. */
  @Bean
  @Order(1)
  SecurityFilterChain awsProtocolChain(
      HttpSecurity http, StatecraftProperties properties, Clock clock) throws Exception {
    http.securityMatcher(
            request -> "/".equals(request.getRequestURI()) && "POST".equals(request.getMethod()))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .anonymous(Customizer.withDefaults())
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
    StatecraftProperties.Security security = properties.security();
    if (security.enabled()) {
      Map<String, String> secrets = new LinkedHashMap<>();
      for (StatecraftProperties.AwsCredential credential : security.awsCredentials()) {
        secrets.put(credential.accessKeyId(), credential.secretAccessKey());
      }
      http.addFilterBefore(
          new SigV4Filter(new SigV4Verifier(secrets, properties.aws().region()), clock),
          AnonymousAuthenticationFilter.class);
    }
    return http.build();
  }

  /** Everything else: the REST API, the API docs and the actuator. */
  @Bean
  @Order(2)
  SecurityFilterChain restChain(HttpSecurity http, StatecraftProperties properties)
      throws Exception {
    AuthenticationFailureWriter failure = new AuthenticationFailureWriter();
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable());
    StatecraftProperties.Security security = properties.security();
    if (!security.enabled()) {
      http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
      return http.build();
    }
    http.httpBasic(basic -> basic.authenticationEntryPoint(failure))
        .exceptionHandling(e -> e.authenticationEntryPoint(failure))
        .addFilterBefore(
            new ApiKeyFilter(security.apiKeys(), failure), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/info",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**",
                        "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated());
    return http.build();
  }

  /**
   * The HTTP basic users; configured passwords may carry an encoding prefix like {@code {bcrypt}}.
   */
  @Bean
  InMemoryUserDetailsManager statecraftUsers(StatecraftProperties properties) {
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    List<UserDetails> users = new ArrayList<>();
    for (StatecraftProperties.User user : properties.security().users()) {
      String password = user.password();
      String stored = password.startsWith("{") ? password : "{noop}" + password;
      users.add(
          User.withUsername(user.name())
              .password(stored)
              .passwordEncoder(p -> p)
              .roles("API")
              .build());
    }
    InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users);
    return manager;
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
