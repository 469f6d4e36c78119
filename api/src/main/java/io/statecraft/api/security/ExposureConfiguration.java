package io.statecraft.api.security;

import io.statecraft.api.config.StatecraftProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Checks, in every kind of process, that nothing is exposed without authentication. */
@Configuration(proxyBeanMethods = false)
class ExposureConfiguration {

  @Bean
  NetworkExposureGuard networkExposureGuard(
      StatecraftProperties properties, Environment environment) {
    NetworkExposureGuard guard = new NetworkExposureGuard(properties, environment);
    guard.check();
    return guard;
  }
}
