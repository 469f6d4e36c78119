package io.statecraft.api.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/** Creates the annotated bean or configuration only when {@code statecraft.role} includes it. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(RoleCondition.class)
public @interface ConditionalOnRole {

  /** The part of the process the bean belongs to. */
  Part value();

  /** The two parts a role can switch on. */
  enum Part {
    /** The REST and AWS protocol APIs and the registry. */
    API,
    /** The Temporal worker. */
    WORKER
  }
}
