package io.statecraft.api.temporal;

import io.grpc.StatusRuntimeException;
import io.statecraft.api.config.StatecraftEnvironmentPostProcessor;
import io.statecraft.api.config.StatecraftProperties;
import io.statecraft.workflows.StatecraftSearchAttributes;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The Temporal server this process uses: embedded by default, or the configured target. */
@Configuration(proxyBeanMethods = false)
public class TemporalConfiguration {

  private static final Logger log = LoggerFactory.getLogger(TemporalConfiguration.class);

  static final String EMBEDDED_BEAN = "embeddedTemporalServer";

  @Bean(name = EMBEDDED_BEAN, destroyMethod = "close")
  @ConditionalOnProperty(StatecraftEnvironmentPostProcessor.EMBEDDED_ACTIVE)
  EmbeddedTemporalServer embeddedTemporalServer(StatecraftProperties properties) {
    StatecraftProperties.Embedded embedded = properties.temporal().embedded();
    return EmbeddedTemporalServer.start(
        embedded.bindAddress(), embedded.port(), embedded.stickyExecution());
  }

  /**
   * The Temporal starter connects its service stubs as soon as it creates them, so every bean that
   * yields {@link WorkflowServiceStubs} must wait for the embedded server.
   */
  @Bean
  static BeanFactoryPostProcessor embeddedTemporalServerFirst() {
    return beanFactory -> {
      if (!beanFactory.containsBeanDefinition(EMBEDDED_BEAN)) {
        return;
      }
      List<String> names =
          new ArrayList<>(
              Arrays.asList(
                  beanFactory.getBeanNamesForType(WorkflowServiceStubs.class, true, false)));
      for (String template : List.of("temporalServiceStubsTemplate")) {
        if (beanFactory.containsBeanDefinition(template)) {
          names.add(template);
        }
      }
      for (String name : names) {
        if (!beanFactory.containsBeanDefinition(name) || name.equals(EMBEDDED_BEAN)) {
          continue;
        }
        BeanDefinition definition = beanFactory.getBeanDefinition(name);
        List<String> dependsOn = new ArrayList<>();
        if (definition.getDependsOn() != null) {
          dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
        }
        if (!dependsOn.contains(EMBEDDED_BEAN)) {
          dependsOn.add(EMBEDDED_BEAN);
          definition.setDependsOn(dependsOn.toArray(String[]::new));
        }
      }
    };
  }

  /**
   * Registers the custom search attributes once every singleton exists. On the embedded server a
   * failure stops the start; a real server may reserve this to its operators, so there it is
   * reported and the attributes must be added with {@code temporal operator search-attribute
   * create}.
   */
  @Bean
  SmartInitializingSingleton temporalSearchAttributes(
      WorkflowServiceStubs stubs, Environment environment, StatecraftProperties properties) {
    boolean embedded =
        environment.getProperty(
            StatecraftEnvironmentPostProcessor.EMBEDDED_ACTIVE, Boolean.class, false);
    String namespace = environment.getProperty("spring.temporal.namespace", "default");
    return () -> {
      try {
        SearchAttributeRegistrar.register(stubs, namespace);
      } catch (StatusRuntimeException e) {
        if (embedded) {
          throw new IllegalStateException(
              "Embedded Temporal refused the search attributes: " + e.getStatus(), e);
        }
        log.warn(
            "Could not register search attributes {} in namespace {} ({}); add them with the"
                + " Temporal CLI: temporal operator search-attribute create",
            StatecraftSearchAttributes.all().keySet(),
            namespace,
            e.getStatus().getCode());
      }
    };
  }

  /** UP while the Temporal server answers {@code GetSystemInfo}. */
  @Bean
  HealthIndicator temporalHealthIndicator(WorkflowServiceStubs stubs, Environment environment) {
    String target = environment.getProperty("spring.temporal.connection.target", "");
    return () -> {
      try {
        stubs
            .blockingStub()
            .withDeadlineAfter(2, TimeUnit.SECONDS)
            .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
        return Health.up().withDetail("target", target).build();
      } catch (StatusRuntimeException e) {
        return Health.down()
            .withDetail("target", target)
            .withDetail("status", e.getStatus().getCode().name())
            .build();
      }
    };
  }
}
