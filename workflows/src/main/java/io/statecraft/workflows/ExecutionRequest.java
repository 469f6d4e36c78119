package io.statecraft.workflows;

import io.statecraft.asl.interpret.Snapshot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The input of {@link ExecutionWorkflow}: the definition to run and the execution's identity, which
 * the context object shows as {@code $$.Execution} and {@code $$.StateMachine}.
 *
 * <p>The definition travels in the input together with its SHA-256, so that every replay sees the
 * graph the execution started with; the workflow refuses to run a definition whose hash differs.
 * Build a new request with {@link #start}; {@code resume} is set only by the workflow itself when
 * it continues as a new run.
 *
 * @param stateMachineArn {@code $$.StateMachine.Id}: the ARN the execution runs (a state machine,
 *     or a version ARN when started through a version or alias)
 * @param stateMachineName {@code $$.StateMachine.Name}; the first part of the workflow id
 * @param executionArn {@code $$.Execution.Id}
 * @param executionName {@code $$.Execution.Name}; the second part of the workflow id
 * @param roleArn {@code $$.Execution.RoleArn}, or {@code null}
 * @param startTime {@code $$.Execution.StartTime}: UTC with milliseconds, {@code
 *     2024-05-01T12:00:00.000Z}
 * @param input the execution input, JSON text
 * @param definition the ASL definition, JSON text
 * @param definitionSha256 the lower-case hex SHA-256 of {@code definition}'s UTF-8 bytes
 * @param resume where a continued run takes up the execution; {@code null} for a new execution
 */
public record ExecutionRequest(
    String stateMachineArn,
    String stateMachineName,
    String executionArn,
    String executionName,
    String roleArn,
    String startTime,
    String input,
    String definition,
    String definitionSha256,
    Snapshot resume) {

  private static final DateTimeFormatter START_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  public ExecutionRequest {
    requireText(stateMachineArn, "stateMachineArn");
    requireText(stateMachineName, "stateMachineName");
    requireText(executionArn, "executionArn");
    requireText(executionName, "executionName");
    requireText(startTime, "startTime");
    Objects.requireNonNull(input, "input");
    requireText(definition, "definition");
    requireText(definitionSha256, "definitionSha256");
  }

  /**
   * A request to start a new execution, with the definition's hash computed.
   *
   * @param startTime when the execution started; kept to the millisecond, as AWS shows it
   */
  public static ExecutionRequest start(
      String stateMachineArn,
      String stateMachineName,
      String executionArn,
      String executionName,
      String roleArn,
      Instant startTime,
      String input,
      String definition) {
    return new ExecutionRequest(
        stateMachineArn,
        stateMachineName,
        executionArn,
        executionName,
        roleArn,
        START_TIME.format(Objects.requireNonNull(startTime, "startTime")),
        input,
        definition,
        sha256(definition),
        null);
  }

  /** The workflow id: {@code <stateMachineName>/<executionName>} ({@link WorkflowIds}). */
  public String workflowId() {
    return WorkflowIds.execution(stateMachineName, executionName);
  }

  /** The same execution, continued in a new run from {@code snapshot}. */
  public ExecutionRequest resumingFrom(Snapshot snapshot) {
    return new ExecutionRequest(
        stateMachineArn,
        stateMachineName,
        executionArn,
        executionName,
        roleArn,
        startTime,
        input,
        definition,
        definitionSha256,
        Objects.requireNonNull(snapshot, "snapshot"));
  }

  /** The lower-case hex SHA-256 of the text's UTF-8 bytes. */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }
}
