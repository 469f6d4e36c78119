package io.statecraft.api.statemachines;

import io.statecraft.api.config.StatecraftProperties;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import io.statecraft.api.validation.Names;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Forms and reads Step Functions ARNs in this installation's region and account:
 *
 * <ul>
 *   <li>state machine {@code arn:aws:states:<region>:<account>:stateMachine:<name>}
 *   <li>version {@code …:stateMachine:<name>:<number>}
 *   <li>alias {@code …:stateMachine:<name>:<aliasName>}
 *   <li>execution {@code arn:aws:states:<region>:<account>:execution:<stateMachineName>:<name>}
 * </ul>
 */
@Component
public class Arns {

  /** AWS's length limit for every ARN parameter. */
  public static final int MAX_LENGTH = 256;

  private final String prefix;
  private final String region;
  private final String accountId;

  @Autowired
  public Arns(StatecraftProperties properties) {
    this(properties.aws().region(), properties.aws().accountId());
  }

  public Arns(String region, String accountId) {
    this.region = region;
    this.accountId = accountId;
    this.prefix = "arn:aws:states:" + region + ":" + accountId + ":";
  }

  /** The ARN of the state machine {@code name}. */
  public String stateMachine(String name) {
    return prefix + "stateMachine:" + name;
  }

  /** The ARN of version {@code number} of a state machine. */
  public String version(String stateMachineArn, int number) {
    return stateMachineArn + ":" + number;
  }

  /** The ARN of alias {@code aliasName} of a state machine. */
  public String alias(String stateMachineArn, String aliasName) {
    return stateMachineArn + ":" + aliasName;
  }

  /** The ARN of execution {@code name} of the state machine {@code stateMachineName}. */
  public String execution(String stateMachineName, String name) {
    return prefix + "execution:" + stateMachineName + ":" + name;
  }

  /** What a state machine, version or alias ARN points at. */
  public sealed interface Target permits StateMachineTarget, VersionTarget, AliasTarget {
    /** The name of the state machine. */
    String stateMachineName();
  }

  /** A state machine ARN without qualifier. */
  public record StateMachineTarget(String stateMachineName) implements Target {}

  /** A version ARN. */
  public record VersionTarget(String stateMachineName, int version) implements Target {}

  /** An alias ARN. */
  public record AliasTarget(String stateMachineName, String alias) implements Target {}

  /**
   * Reads a state machine, version or alias ARN.
   *
   * @throws ApiException {@code InvalidArn} naming what is wrong
   */
  public Target parseStateMachine(String arn) {
    String[] parts = split(arn, "stateMachine");
    if (parts.length < 7 || parts.length > 8) {
      throw invalid(arn, "Resource type not valid in this context: '" + arn + "'");
    }
    String name = parts[6];
    if (!Names.isValidResourceName(name)) {
      throw invalid(arn, "Invalid state machine name in ARN: '" + name + "'");
    }
    if (parts.length == 7) {
      return new StateMachineTarget(name);
    }
    String qualifier = parts[7];
    if (qualifier.isEmpty()) {
      throw invalid(arn, "Empty qualifier");
    }
    if (qualifier.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (qualifier.length() > 9 || (qualifier.length() > 1 && qualifier.charAt(0) == '0')) {
        throw invalid(arn, "Invalid version number: '" + qualifier + "'");
      }
      int version = Integer.parseInt(qualifier);
      if (version < 1) {
        throw invalid(arn, "Invalid version number: '" + qualifier + "'");
      }
      return new VersionTarget(name, version);
    }
    if (!Names.isValidAliasName(qualifier)) {
      throw invalid(arn, "Invalid alias name: '" + qualifier + "'");
    }
    return new AliasTarget(name, qualifier);
  }

  /** Reads an ARN that must name a state machine itself, not a version or an alias. */
  public StateMachineTarget parseUnqualified(String arn) {
    return switch (parseStateMachine(arn)) {
      case StateMachineTarget target -> target;
      case VersionTarget v -> throw invalid(arn, "Expected a state machine ARN, not a version ARN");
      case AliasTarget a -> throw invalid(arn, "Expected a state machine ARN, not an alias ARN");
    };
  }

  /** Reads an ARN that must name a version. */
  public VersionTarget parseVersion(String arn) {
    return switch (parseStateMachine(arn)) {
      case VersionTarget target -> target;
      case StateMachineTarget s -> throw invalid(arn, "Expected a state machine version ARN");
      case AliasTarget a -> throw invalid(arn, "Expected a state machine version ARN");
    };
  }

  /** Reads an ARN that must name an alias. */
  public AliasTarget parseAlias(String arn) {
    return switch (parseStateMachine(arn)) {
      case AliasTarget target -> target;
      case StateMachineTarget s -> throw invalid(arn, "Expected a state machine alias ARN");
      case VersionTarget v -> throw invalid(arn, "Expected a state machine alias ARN");
    };
  }

  /**
   * An execution ARN.
   *
   * @param stateMachineName the state machine it belongs to
   * @param executionName the execution's name
   */
  public record ExecutionTarget(String stateMachineName, String executionName) {}

  /**
   * Reads an execution ARN.
   *
   * @throws ApiException {@code InvalidArn} naming what is wrong
   */
  public ExecutionTarget parseExecution(String arn) {
    String[] parts = split(arn, "execution");
    if (parts.length != 8) {
      throw invalid(arn, "Resource type not valid in this context: '" + arn + "'");
    }
    if (!Names.isValidResourceName(parts[6])) {
      // Map Run ARNs (execution:<machine>/<label>:<id>) land here too: they are not modelled.
      throw invalid(arn, "Invalid state machine name in ARN: '" + parts[6] + "'");
    }
    if (!Names.isValidResourceName(parts[7])) {
      throw invalid(arn, "Invalid execution name in ARN: '" + parts[7] + "'");
    }
    return new ExecutionTarget(parts[6], parts[7]);
  }

  /** The ARN of the state machine an execution ARN belongs to. */
  public String stateMachineOf(ExecutionTarget execution) {
    return stateMachine(execution.stateMachineName());
  }

  private String[] split(String arn, String resourceType) {
    if (arn.length() > MAX_LENGTH) {
      throw invalid(arn, "ARN is longer than " + MAX_LENGTH + " characters");
    }
    String[] parts = arn.split(":", -1);
    if (parts.length < 6 || !parts[0].equals("arn") || !parts[1].equals("aws")) {
      throw invalid(arn, "Invalid ARN prefix: " + arn);
    }
    if (!parts[2].equals("states")) {
      throw invalid(arn, "Invalid service in ARN: '" + parts[2] + "', expected 'states'");
    }
    if (!parts[3].equals(region)) {
      throw invalid(
          arn, "Invalid region in ARN: '" + parts[3] + "', this endpoint serves '" + region + "'");
    }
    if (!parts[4].equals(accountId)) {
      throw invalid(
          arn,
          "Invalid account in ARN: '" + parts[4] + "', this endpoint serves '" + accountId + "'");
    }
    if (!parts[5].equals(resourceType)) {
      throw invalid(arn, "Resource type not valid in this context: '" + parts[5] + "'");
    }
    return parts;
  }

  private static ApiException invalid(String arn, String why) {
    return new ApiException(ErrorCode.INVALID_ARN, "Invalid Arn: '" + why + "'");
  }
}
