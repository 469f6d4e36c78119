package io.statecraft.api.executions;

import io.statecraft.api.config.ConditionalOnRole;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import io.statecraft.api.statemachines.Page;
import io.statecraft.api.statemachines.StateMachineRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code execution} table, the index of every execution: each is written here, pinned to the
 * exact revision it runs, before it is handed to Temporal ({@code PENDING}), so an accepted
 * execution survives a crash between the two and can be started again from its row. How an
 * execution ended (status, output, error, cause) is copied here once Temporal reports it, so that
 * it can still be described after Temporal has forgotten the workflow.
 */
@Repository
@ConditionalOnRole(ConditionalOnRole.Part.API)
public class ExecutionRecords {

  /** Row statuses: Step Functions' execution statuses plus {@code PENDING} (not yet started). */
  public enum RowStatus {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    ABORTED,
    PENDING_REDRIVE;

    /** Whether the execution has not finished. */
    public boolean open() {
      return this == PENDING || this == RUNNING;
    }
  }

  /**
   * One execution.
   *
   * @param qualifierArn the version or alias ARN it was started through, if any
   * @param inputSha256 the lower-case hex SHA-256 of the input, for the idempotency check
   * @param runId the Temporal run id, once started: the first run, then the run it ended in
   * @param output the output of a succeeded execution, JSON text
   * @param error the error of a failed, timed-out or aborted execution
   * @param cause the cause that goes with {@code error}
   * @param parentExecutionArn the execution whose {@code states:startExecution} Task started it
   */
  public record ExecutionRow(
      String executionArn,
      String name,
      String stateMachineArn,
      String qualifierArn,
      Integer versionNumber,
      String aliasArn,
      String revisionId,
      String input,
      String inputSha256,
      RowStatus status,
      Instant startDate,
      Instant stopDate,
      String workflowId,
      String runId,
      String output,
      String error,
      String cause,
      String parentExecutionArn) {

    /** A row without an outcome and without a parent. */
    public ExecutionRow(
        String executionArn,
        String name,
        String stateMachineArn,
        String qualifierArn,
        Integer versionNumber,
        String aliasArn,
        String revisionId,
        String input,
        String inputSha256,
        RowStatus status,
        Instant startDate,
        Instant stopDate,
        String workflowId,
        String runId) {
      this(
          executionArn,
          name,
          stateMachineArn,
          qualifierArn,
          versionNumber,
          aliasArn,
          revisionId,
          input,
          inputSha256,
          status,
          startDate,
          stopDate,
          workflowId,
          runId,
          null,
          null,
          null,
          null);
    }

    /**
     * A new execution of {@code target}: what it runs (the revision, and the version or alias it
     * was started through), its input and its hash, with no outcome yet.
     *
     * @param parentExecutionArn the execution that started it, or {@code null}
     */
    public static ExecutionRow started(
        StateMachineRegistry.ExecutionTarget target,
        String executionArn,
        String name,
        String input,
        RowStatus status,
        Instant startDate,
        String workflowId,
        String parentExecutionArn) {
      return new ExecutionRow(
          executionArn,
          name,
          target.stateMachine().arn(),
          target.qualifierArn(),
          target.versionNumber(),
          target.aliasArn(),
          target.revision().revisionId(),
          input,
          sha256(input),
          status,
          startDate,
          null,
          workflowId,
          null,
          null,
          null,
          null,
          parentExecutionArn);
    }

    /** The ARN of the version it ran, when it was started through a version or an alias. */
    public String versionArn() {
      return versionNumber == null ? null : stateMachineArn + ":" + versionNumber;
    }
  }

  /**
   * The outcome of {@link #accept}.
   *
   * @param created whether the row was written now, or an identical open execution was found
   */
  public record Accepted(ExecutionRow row, boolean created) {}

  /**
   * Which executions a listing shows: those of a state machine, of one of its versions, of one of
   * its aliases, or (with no state machine) all of them.
   *
   * @param stateMachineArn the state machine, or {@code null} for every state machine
   * @param versionNumber only executions that ran this version
   * @param aliasArn only executions started through this alias
   */
  public record Scope(String stateMachineArn, Integer versionNumber, String aliasArn) {

    /** Every execution of every state machine. */
    public static Scope all() {
      return new Scope(null, null, null);
    }

    /** Every execution of one state machine. */
    public static Scope of(String stateMachineArn) {
      return new Scope(Objects.requireNonNull(stateMachineArn, "stateMachineArn"), null, null);
    }

    String key() {
      return (stateMachineArn == null ? "*" : stateMachineArn)
          + "|"
          + (versionNumber == null ? "" : versionNumber)
          + "|"
          + (aliasArn == null ? "" : aliasArn);
    }
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public ExecutionRecords(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** The SHA-256 of an input, as stored. */
  public static String sha256(String input) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * Records a new execution in {@code PENDING}. As {@code StartExecution} is on AWS, this is
   * idempotent by name: an open execution of the same name and input is answered as it is; any
   * other execution of that name is {@code ExecutionAlreadyExists}.
   *
   * <p>Call it outside any transaction, so the row is committed before the workflow starts.
   */
  public Accepted accept(ExecutionRow candidate) {
    return insertOrFind(candidate, false);
  }

  /**
   * Records an execution a parent's {@code states:startExecution} Task starts; its parent starts
   * the workflow, so the row is written {@code RUNNING}. The activity that calls this may run more
   * than once, so the same name with the same input answers the recorded execution whatever its
   * status; another input is {@code ExecutionAlreadyExists}.
   */
  public Accepted acceptNested(ExecutionRow candidate) {
    return insertOrFind(candidate, true);
  }

  private Accepted insertOrFind(ExecutionRow candidate, boolean nested) {
    try {
      return transactions.execute(status -> acceptOnce(candidate, nested));
    } catch (DuplicateKeyException e) {
      // A concurrent start of the same name won the insert; answer as if it had come first.
      return transactions.execute(status -> acceptOnce(candidate, nested));
    }
  }

  private Accepted acceptOnce(ExecutionRow candidate, boolean nested) {
    Optional<ExecutionRow> existing = findByName(candidate.stateMachineArn(), candidate.name());
    if (existing.isPresent()) {
      ExecutionRow row = existing.get();
      boolean sameInput = row.inputSha256().equals(candidate.inputSha256());
      if (sameInput && (nested || row.status().open())) {
        return new Accepted(row, false);
      }
      throw new ApiException(
          ErrorCode.EXECUTION_ALREADY_EXISTS,
          "Execution Already Exists: '" + row.executionArn() + "'");
    }
    insert(candidate);
    return new Accepted(candidate, true);
  }

  /**
   * Marks an execution handed to Temporal.
   *
   * @return whether the row was still open; {@code false} when it ended meanwhile (it was stopped
   *     before its workflow started)
   */
  @Transactional
  public boolean markRunning(String executionArn, String runId) {
    return jdbc.sql(
                """
                UPDATE execution SET status = 'RUNNING', run_id = :run
                WHERE execution_arn = :arn AND status IN ('PENDING', 'RUNNING')
                """)
            .param("arn", executionArn)
            .param("run", runId)
            .update()
        == 1;
  }

  /**
   * Records how an execution ended; an execution that already ended keeps its first outcome.
   *
   * @return whether this call recorded the end
   */
  @Transactional
  public boolean markFinished(String executionArn, RowStatus status, Instant stopDate) {
    return markFinished(executionArn, status, stopDate, null, null, null, null);
  }

  /**
   * Records how an execution ended, with its output or error and cause and the run it ended in
   * ({@code null} keeps the recorded run); an execution that already ended keeps its first outcome.
   *
   * @return whether this call recorded the end
   */
  @Transactional
  public boolean markFinished(
      String executionArn,
      RowStatus status,
      Instant stopDate,
      String runId,
      String output,
      String error,
      String cause) {
    if (status.open()) {
      throw new IllegalArgumentException(status + " is not an end");
    }
    return jdbc.sql(
                """
                UPDATE execution SET status = :status, stop_date = :stop,
                    run_id = COALESCE(:run, run_id), output = :output, error = :error,
                    cause = :cause
                WHERE execution_arn = :arn AND status IN ('PENDING', 'RUNNING')
                """)
            .param("arn", executionArn)
            .param("status", status.name())
            .param("stop", odt(stopDate))
            .param("run", runId, Types.VARCHAR)
            .param("output", output, Types.VARCHAR)
            .param("error", error, Types.VARCHAR)
            .param("cause", cause, Types.VARCHAR)
            .update()
        == 1;
  }

  @Transactional(readOnly = true)
  public Optional<ExecutionRow> find(String executionArn) {
    return jdbc.sql("SELECT * FROM execution WHERE execution_arn = :arn")
        .param("arn", executionArn)
        .query(ExecutionRecords::row)
        .optional();
  }

  /** The execution with this Temporal workflow id, if any. */
  @Transactional(readOnly = true)
  public Optional<ExecutionRow> findByWorkflowId(String workflowId) {
    return jdbc.sql("SELECT * FROM execution WHERE workflow_id = :id")
        .param("id", workflowId)
        .query(ExecutionRecords::row)
        .optional();
  }

  /** Executions accepted but never handed to Temporal, oldest first, to start after a crash. */
  @Transactional(readOnly = true)
  public List<ExecutionRow> pending(int limit) {
    return pending(limit, Instant.MAX);
  }

  /**
   * Executions accepted before {@code acceptedBefore} but never handed to Temporal, oldest first.
   */
  @Transactional(readOnly = true)
  public List<ExecutionRow> pending(int limit, Instant acceptedBefore) {
    var spec =
        jdbc.sql(
                "SELECT * FROM execution WHERE status = 'PENDING'"
                    + (acceptedBefore.equals(Instant.MAX) ? "" : " AND start_date < :before")
                    + " ORDER BY start_date, execution_arn LIMIT :limit")
            .param("limit", limit);
    if (!acceptedBefore.equals(Instant.MAX)) {
      spec = spec.param("before", odt(acceptedBefore));
    }
    return spec.query(ExecutionRecords::row).list();
  }

  /**
   * Executions recorded as running, in execution ARN order after {@code afterArn} ({@code null} for
   * the first), at most {@code limit}: to check them against Temporal page by page.
   */
  @Transactional(readOnly = true)
  public List<ExecutionRow> running(String afterArn, int limit) {
    var spec =
        jdbc.sql(
                "SELECT * FROM execution WHERE status = 'RUNNING'"
                    + (afterArn == null ? "" : " AND execution_arn > :after")
                    + " ORDER BY execution_arn LIMIT :limit")
            .param("limit", limit);
    if (afterArn != null) {
      spec = spec.param("after", afterArn);
    }
    return spec.query(ExecutionRecords::row).list();
  }

  /**
   * Executions of a state machine, newest first, optionally in one status.
   *
   * @param nextToken a token from a previous page, or {@code null}
   */
  @Transactional(readOnly = true)
  public Page<ExecutionRow> list(
      String stateMachineArn, RowStatus status, String nextToken, int pageSize) {
    return list(Scope.of(stateMachineArn), status, nextToken, pageSize);
  }

  /**
   * Executions in {@code scope}, newest first, optionally in one status ({@code RUNNING} includes
   * executions not yet handed to Temporal).
   *
   * @param nextToken a token from a previous page of the same listing, or {@code null}
   * @throws ApiException {@code InvalidToken} for a token of another listing
   */
  @Transactional(readOnly = true)
  public Page<ExecutionRow> list(Scope scope, RowStatus status, String nextToken, int pageSize) {
    StringBuilder sql = new StringBuilder("SELECT * FROM execution WHERE 1 = 1");
    if (scope.stateMachineArn() != null) {
      sql.append(" AND state_machine_arn = :sm");
    }
    if (scope.versionNumber() != null) {
      sql.append(" AND version_number = :version");
    }
    if (scope.aliasArn() != null) {
      sql.append(" AND alias_arn = :alias");
    }
    if (status == RowStatus.RUNNING) {
      sql.append(" AND status IN ('PENDING', 'RUNNING')");
    } else if (status != null) {
      sql.append(" AND status = :status");
    }
    Cursor cursor = nextToken == null ? null : Cursor.decode(scope.key(), nextToken);
    if (cursor != null) {
      sql.append(" AND (start_date < :start OR (start_date = :start AND execution_arn < :arn))");
    }
    sql.append(" ORDER BY start_date DESC, execution_arn DESC LIMIT :limit");
    var spec = jdbc.sql(sql.toString()).param("limit", pageSize + 1);
    if (scope.stateMachineArn() != null) {
      spec = spec.param("sm", scope.stateMachineArn());
    }
    if (scope.versionNumber() != null) {
      spec = spec.param("version", scope.versionNumber());
    }
    if (scope.aliasArn() != null) {
      spec = spec.param("alias", scope.aliasArn());
    }
    if (status != null && status != RowStatus.RUNNING) {
      spec = spec.param("status", status.name());
    }
    if (cursor != null) {
      spec = spec.param("start", odt(cursor.start())).param("arn", cursor.executionArn());
    }
    List<ExecutionRow> rows = spec.query(ExecutionRecords::row).list();
    if (rows.size() <= pageSize) {
      return new Page<>(rows, null);
    }
    List<ExecutionRow> items = rows.subList(0, pageSize);
    ExecutionRow last = items.getLast();
    return new Page<>(items, new Cursor(last.startDate(), last.executionArn()).encode(scope.key()));
  }

  /** Where a listing page ends: the last row's start date and ARN. */
  private record Cursor(Instant start, String executionArn) {

    String encode(String listing) {
      String text = listing + "\n" + start.toEpochMilli() + "\n" + executionArn;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String listing, String token) {
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 3);
        if (parts.length == 3 && parts[0].equals(listing)) {
          return new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
        }
      } catch (IllegalArgumentException e) {
        // Falls through to the refusal below; NumberFormatException is one of these.
      }
      String shown = token.length() > 64 ? token.substring(0, 64) + "..." : token;
      throw new ApiException(ErrorCode.INVALID_TOKEN, "Invalid Token: '" + shown + "'");
    }
  }

  private Optional<ExecutionRow> findByName(String stateMachineArn, String name) {
    return jdbc.sql("SELECT * FROM execution WHERE state_machine_arn = :sm AND name = :name")
        .param("sm", stateMachineArn)
        .param("name", name)
        .query(ExecutionRecords::row)
        .optional();
  }

  private void insert(ExecutionRow row) {
    jdbc.sql(
            """
            INSERT INTO execution (execution_arn, name, state_machine_arn, qualifier_arn,
                version_number, alias_arn, revision_id, input, input_sha256, status, start_date,
                stop_date, workflow_id, run_id, output, error, cause, parent_execution_arn)
            VALUES (:arn, :name, :sm, :qualifier, :version, :alias, :revision, :input, :sha,
                :status, :start, :stop, :workflow, :run, :output, :error, :cause, :parent)
            """)
        .param("arn", row.executionArn())
        .param("name", row.name())
        .param("sm", row.stateMachineArn())
        .param("qualifier", row.qualifierArn(), Types.VARCHAR)
        .param("version", row.versionNumber(), Types.INTEGER)
        .param("alias", row.aliasArn(), Types.VARCHAR)
        .param("revision", row.revisionId())
        .param("input", row.input())
        .param("sha", row.inputSha256())
        .param("status", row.status().name())
        .param("start", odt(row.startDate()))
        .param("stop", odt(row.stopDate()), Types.TIMESTAMP_WITH_TIMEZONE)
        .param("workflow", row.workflowId())
        .param("run", row.runId(), Types.VARCHAR)
        .param("output", row.output(), Types.VARCHAR)
        .param("error", row.error(), Types.VARCHAR)
        .param("cause", row.cause(), Types.VARCHAR)
        .param("parent", row.parentExecutionArn(), Types.VARCHAR)
        .update();
  }

  private static ExecutionRow row(ResultSet rs, int index) throws SQLException {
    int version = rs.getInt("version_number");
    Integer versionNumber = rs.wasNull() ? null : version;
    OffsetDateTime stop = rs.getObject("stop_date", OffsetDateTime.class);
    return new ExecutionRow(
        rs.getString("execution_arn"),
        rs.getString("name"),
        rs.getString("state_machine_arn"),
        rs.getString("qualifier_arn"),
        versionNumber,
        rs.getString("alias_arn"),
        rs.getString("revision_id"),
        rs.getString("input"),
        rs.getString("input_sha256"),
        RowStatus.valueOf(rs.getString("status")),
        rs.getObject("start_date", OffsetDateTime.class).toInstant(),
        stop == null ? null : stop.toInstant(),
        rs.getString("workflow_id"),
        rs.getString("run_id"),
        rs.getString("output"),
        rs.getString("error"),
        rs.getString("cause"),
        rs.getString("parent_execution_arn"));
  }

  private static OffsetDateTime odt(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
