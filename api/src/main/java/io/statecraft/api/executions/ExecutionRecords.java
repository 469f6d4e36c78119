package io.statecraft.api.executions;

import io.statecraft.api.config.ConditionalOnRole;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import io.statecraft.api.statemachines.Page;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code execution} table: every execution is written here, pinned to the exact revision it
 * runs, before it is handed to Temporal ({@code PENDING}), so an accepted execution survives a
 * crash between the two and can be started again from its row.
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
   * @param runId the Temporal run id, once started
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
      String runId) {}

  /**
   * The outcome of {@link #accept}.
   *
   * @param created whether the row was written now, or an identical open execution was found
   */
  public record Accepted(ExecutionRow row, boolean created) {}

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
    try {
      return transactions.execute(status -> acceptOnce(candidate));
    } catch (DuplicateKeyException e) {
      // A concurrent start of the same name won the insert; answer as if it had come first.
      return transactions.execute(status -> acceptOnce(candidate));
    }
  }

  private Accepted acceptOnce(ExecutionRow candidate) {
    Optional<ExecutionRow> existing = findByName(candidate.stateMachineArn(), candidate.name());
    if (existing.isPresent()) {
      return same(existing.get(), candidate);
    }
    insert(candidate);
    return new Accepted(candidate, true);
  }

  private static Accepted same(ExecutionRow existing, ExecutionRow candidate) {
    if (existing.status().open() && existing.inputSha256().equals(candidate.inputSha256())) {
      return new Accepted(existing, false);
    }
    throw new ApiException(
        ErrorCode.EXECUTION_ALREADY_EXISTS,
        "Execution Already Exists: '" + existing.executionArn() + "'");
  }

  /** Marks an execution handed to Temporal. */
  @Transactional
  public void markRunning(String executionArn, String runId) {
    jdbc.sql(
            """
            UPDATE execution SET status = 'RUNNING', run_id = :run
            WHERE execution_arn = :arn AND status IN ('PENDING', 'RUNNING')
            """)
        .param("arn", executionArn)
        .param("run", runId)
        .update();
  }

  /**
   * Records how an execution ended; an execution that already ended keeps its first outcome.
   *
   * @return whether this call recorded the end
   */
  @Transactional
  public boolean markFinished(String executionArn, RowStatus status, Instant stopDate) {
    if (status.open()) {
      throw new IllegalArgumentException(status + " is not an end");
    }
    return jdbc.sql(
                """
                UPDATE execution SET status = :status, stop_date = :stop
                WHERE execution_arn = :arn AND status IN ('PENDING', 'RUNNING')
                """)
            .param("arn", executionArn)
            .param("status", status.name())
            .param("stop", odt(stopDate))
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

  /** Executions accepted but never handed to Temporal, oldest first, to start after a crash. */
  @Transactional(readOnly = true)
  public List<ExecutionRow> pending(int limit) {
    return jdbc.sql(
            "SELECT * FROM execution WHERE status = 'PENDING' ORDER BY start_date, execution_arn"
                + " LIMIT :limit")
        .param("limit", limit)
        .query(ExecutionRecords::row)
        .list();
  }

  /**
   * Executions of a state machine, newest first, optionally in one status.
   *
   * @param nextToken a token from a previous page, or {@code null}
   */
  @Transactional(readOnly = true)
  public Page<ExecutionRow> list(
      String stateMachineArn, RowStatus status, String nextToken, int pageSize) {
    StringBuilder sql = new StringBuilder("SELECT * FROM execution WHERE state_machine_arn = :sm");
    if (status != null) {
      sql.append(" AND status = :status");
    }
    Cursor cursor = nextToken == null ? null : Cursor.decode(stateMachineArn, nextToken);
    if (cursor != null) {
      sql.append(" AND (start_date < :start OR (start_date = :start AND execution_arn < :arn))");
    }
    sql.append(" ORDER BY start_date DESC, execution_arn DESC LIMIT :limit");
    var spec = jdbc.sql(sql.toString()).param("sm", stateMachineArn).param("limit", pageSize + 1);
    if (status != null) {
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
    return new Page<>(
        items, new Cursor(last.startDate(), last.executionArn()).encode(stateMachineArn));
  }

  /** Where a listing page ends: the last row's start date and ARN. */
  private record Cursor(Instant start, String executionArn) {

    String encode(String stateMachineArn) {
      String text = stateMachineArn + "\n" + start.toEpochMilli() + "\n" + executionArn;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String stateMachineArn, String token) {
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 3);
        if (parts.length == 3 && parts[0].equals(stateMachineArn)) {
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
                stop_date, workflow_id, run_id)
            VALUES (:arn, :name, :sm, :qualifier, :version, :alias, :revision, :input, :sha,
                :status, :start, :stop, :workflow, :run)
            """)
        .param("arn", row.executionArn())
        .param("name", row.name())
        .param("sm", row.stateMachineArn())
        .param("qualifier", row.qualifierArn(), java.sql.Types.VARCHAR)
        .param("version", row.versionNumber(), java.sql.Types.INTEGER)
        .param("alias", row.aliasArn(), java.sql.Types.VARCHAR)
        .param("revision", row.revisionId())
        .param("input", row.input())
        .param("sha", row.inputSha256())
        .param("status", row.status().name())
        .param("start", odt(row.startDate()))
        .param("stop", odt(row.stopDate()), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
        .param("workflow", row.workflowId())
        .param("run", row.runId(), java.sql.Types.VARCHAR)
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
        rs.getString("run_id"));
  }

  private static OffsetDateTime odt(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
