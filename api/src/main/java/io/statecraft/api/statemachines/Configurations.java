package io.statecraft.api.statemachines;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The logging, tracing and encryption settings a state machine is created or updated with. */
public final class Configurations {

  private Configurations() {}

  /** CloudWatch log levels. */
  public enum LogLevel {
    ALL,
    ERROR,
    FATAL,
    OFF
  }

  /**
   * Where and what an execution logs. Kept as given: there is no CloudWatch here, so nothing is
   * sent to the destination.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LoggingConfiguration(
      LogLevel level, Boolean includeExecutionData, List<LogDestination> destinations) {}

  /** One log destination. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LogDestination(CloudWatchLogsLogGroup cloudWatchLogsLogGroup) {}

  /** A CloudWatch Logs log group. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CloudWatchLogsLogGroup(String logGroupArn) {}

  /** X-Ray tracing. Kept as given: there is no X-Ray here. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TracingConfiguration(Boolean enabled) {}

  /** Encryption key types. */
  public enum EncryptionType {
    AWS_OWNED_KEY,
    CUSTOMER_MANAGED_KMS_KEY
  }

  /** Encryption at rest. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record EncryptionConfiguration(
      String kmsKeyId, Integer kmsDataKeyReusePeriodSeconds, EncryptionType type) {}
}
