package io.statecraft.api.config;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

final class RoleCondition implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Map<String, Object> attributes =
        metadata.getAnnotationAttributes(ConditionalOnRole.class.getName());
    if (attributes == null) {
      return true;
    }
    ConditionalOnRole.Part part = (ConditionalOnRole.Part) attributes.get("value");
    String value = context.getEnvironment().getProperty("statecraft.role", "all").trim();
    Role role;
    try {
      role = Role.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "statecraft.role is '" + value + "'; it must be one of: all, api, worker", e);
    }
    return switch (part) {
      case API -> role.runsApi();
      case WORKER -> role.runsWorker();
    };
  }
}
