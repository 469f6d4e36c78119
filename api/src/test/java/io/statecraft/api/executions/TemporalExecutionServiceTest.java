package io.statecraft.api.executions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.api.config.ApiConfiguration;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import io.statecraft.api.executions.ExecutionRecords.RowStatus;
import io.statecraft.api.statemachines.Arns;
import io.statecraft.api.statemachines.StateMachineRegistry;
import io.statecraft.api.validation.AslDefinitionValidator;
import io.statecraft.workflows.ExecutionStatus;
import io.statecraft.workflows.StatecraftClientException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The execution service's own decisions, over the real registry and execution table and a fake
 * Temporal: what is recorded when, what survives Temporal being unreachable, how stops, lost
 * workflows and refusals are answered.
 */
@JdbcTest(properties = "statecraft.examples.preload=false")
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@ImportAutoConfiguration({JacksonAutoConfiguration.class, ValidationAutoConfiguration.class})
@Import({
  ApiConfiguration.class,
  AslDefinitionValidator.class,
  ExecutionRecords.class,
  TemporalExecutionServiceTest.Registry.class
})
class TemporalExecutionServiceTest {

  @Configuration(proxyBeanMethods = false)
  @ComponentScan(basePackageClasses = StateMachineRegistry.class)
  static class Registry {}

  static final String PASS =
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    final AtomicReference<Instant> now =
        new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    void advance(Duration duration) {
      now.updateAndGet(t -> t.plus(duration));
    }
  }

  @Autowired StateMachineRegistry registry;
  @Autowired ExecutionRecords records;
  @Autowired Arns arns;
  @Autowired ObjectMapper json;

  /** What the server lists: open workflows, or (with visibility) those closed since a time. */
  static final class FakeLists implements WorkflowLists {
    boolean visibility;
    final Set<String> open = new HashSet<>();
    final List<String> closed = new ArrayList<>();
    final List<Instant> asked = new ArrayList<>();

    @Override
    public boolean visibility() {
      return visibility;
    }

    @Override
    public List<String> closedSince(Instant since) {
      asked.add(since);
      return List.copyOf(closed);
    }

    @Override
    public Set<String> open() {
      return Set.copyOf(open);
    }
  }

  final FakeStatecraftClient temporal = new FakeStatecraftClient();
  final FakeLists lists = new FakeLists();
  final TestClock clock = new TestClock();
  ExecutionReconciler reconciler;
  ExecutionStarter starter;
  ExecutionMaintenance maintenance;
  TemporalExecutionService service;
  String machine;

  @BeforeEach
  void wire(org.junit.jupiter.api.TestInfo test) {
    reconciler =
        new ExecutionReconciler(temporal, records, registry, lists, clock, Duration.ofMillis(250));
    starter = new ExecutionStarter(temporal, records, registry, reconciler);
    maintenance =
        new ExecutionMaintenance(records, starter, reconciler, clock, Duration.ofHours(1));
    service =
        new TemporalExecutionService(
            registry,
            records,
            arns,
            temporal,
            starter,
            reconciler,
            new InterpreterTestStates(json, io.statecraft.workflows.ResourceCatalog.standard()),
            json,
            clock,
            TemporalExecutionService.Timings.defaults(),
            Executors.newVirtualThreadPerTaskExecutor());
    String name = "M" + test.getTestMethod().orElseThrow().getName().hashCode();
    machine =
        registry
            .create(
                new StateMachineRegistry.CreateCommand(
                    name.replace('-', 'n'),
                    PASS,
                    "arn:aws:iam::123456789012:role/r",
                    null,
                    null,
                    null,
                    null,
                    false,
                    null,
                    List.of()))
            .stateMachineArn();
  }

  ExecutionService.Started start(String name) {
    return service.start(new ExecutionService.StartCommand(machine, name, "{\"x\":1}", null));
  }

  String workflowId(String name) {
    return machine.substring(machine.lastIndexOf(':') + 1) + "/" + name;
  }

  @Test
  void anExecutionAcceptedWhileTemporalIsUnreachableStartsOnceItAnswers() {
    temporal.unreachable = true;
    ExecutionService.Started started = start("later");
    assertThat(started.created()).isTrue();
    assertThat(records.find(started.executionArn()).orElseThrow().status())
        .isEqualTo(RowStatus.PENDING);
    // Accepted is running, as far as callers can tell, even before Temporal has it.
    assertThat(service.describe(started.executionArn()).status())
        .isEqualTo(ExecutionService.Status.RUNNING);

    temporal.unreachable = false;
    maintenance.runOnce();
    // Within the grace a request has to start its own row, the background leaves it alone.
    assertThat(temporal.workflows).isEmpty();
    clock.advance(Duration.ofSeconds(3));
    maintenance.runOnce();
    assertThat(temporal.workflows).containsKey(workflowId("later"));
    assertThat(records.find(started.executionArn()).orElseThrow().status())
        .isEqualTo(RowStatus.RUNNING);
    var request = temporal.workflows.get(workflowId("later")).request;
    assertThat(request.input()).isEqualTo("{\"x\":1}");
    assertThat(request.definition()).isEqualTo(PASS);
    assertThat(request.startTime()).isEqualTo("2026-01-01T00:00:00.000Z");
  }

  @Test
  void aRepeatedStartOfAPendingExecutionHandsItToTemporalOnce() {
    temporal.unreachable = true;
    ExecutionService.Started first = start("twice");
    temporal.unreachable = false;
    ExecutionService.Started again = start("twice");
    assertThat(again.created()).isFalse();
    assertThat(again.executionArn()).isEqualTo(first.executionArn());
    assertThat(again.startDate()).isEqualTo(first.startDate());
    start("twice");
    assertThat(temporal.workflows).hasSize(1);
  }

  @Test
  void anExecutionStoppedBeforeItsWorkflowStartedIsAbortedAndNeverRuns() {
    temporal.unreachable = true;
    ExecutionService.Started started = start("stopped");
    Instant stopDate = service.stop(started.executionArn(), "Halt", "changed my mind");
    assertThat(stopDate).isEqualTo(clock.instant());
    ExecutionService.Execution aborted = service.describe(started.executionArn());
    assertThat(aborted.status()).isEqualTo(ExecutionService.Status.ABORTED);
    assertThat(aborted.error()).isEqualTo("Halt");
    assertThat(aborted.cause()).isEqualTo("changed my mind");

    // A start racing the stop: the workflow it started is stopped with the same error and cause.
    temporal.unreachable = false;
    var row = records.find(started.executionArn()).orElseThrow();
    starter.start(
        new ExecutionRecords.ExecutionRow(
            row.executionArn(),
            row.name(),
            row.stateMachineArn(),
            null,
            null,
            null,
            row.revisionId(),
            row.input(),
            row.inputSha256(),
            RowStatus.PENDING,
            row.startDate(),
            null,
            row.workflowId(),
            null));
    assertThat(temporal.calls).contains("stop " + workflowId("stopped") + " Halt changed my mind");
    assertThat(service.describe(started.executionArn()).status())
        .isEqualTo(ExecutionService.Status.ABORTED);
  }

  @Test
  void anEndedExecutionIsDescribedFromItsRecordOnceTemporalHasIt() {
    ExecutionService.Started started = start("ends");
    temporal.end(workflowId("ends"), ExecutionStatus.FAILED, null, "Oops", "it broke");
    ExecutionService.Execution failed = service.describe(started.executionArn());
    assertThat(failed.status()).isEqualTo(ExecutionService.Status.FAILED);
    assertThat(failed.error()).isEqualTo("Oops");
    assertThat(failed.stopDate()).isEqualTo(Instant.parse("2026-01-01T00:00:10Z"));

    // Temporal forgets it (retention, or an embedded server restarted): the record answers.
    temporal.workflows.clear();
    temporal.unreachable = true;
    assertThat(service.describe(started.executionArn()).error()).isEqualTo("Oops");
    temporal.unreachable = false;
    var history =
        service.history(
            new ExecutionService.HistoryQuery(started.executionArn(), null, 1, false, true));
    assertThat(history.items())
        .extracting(ExecutionService.HistoryEvent::type)
        .containsExactly("ExecutionStarted");
    var rest =
        service.history(
            new ExecutionService.HistoryQuery(
                started.executionArn(), history.nextToken(), 1, false, true));
    assertThat(rest.items())
        .extracting(ExecutionService.HistoryEvent::type)
        .containsExactly("ExecutionFailed");
    assertThat(rest.items().getFirst().details())
        .contains("\"error\":\"Oops\"")
        .contains("it broke");
    assertThat(rest.nextToken()).isNull();
    assertThatThrownBy(
            () ->
                service.history(
                    new ExecutionService.HistoryQuery(
                        started.executionArn(), "not-a-token", 1, false, true)))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TOKEN));
  }

  @Test
  void aRunningExecutionWhoseWorkflowIsGoneIsRecordedAsLost() {
    ExecutionService.Started started = start("gone");
    temporal.workflows.clear();
    ExecutionService.Execution lost = service.describe(started.executionArn());
    assertThat(lost.status()).isEqualTo(ExecutionService.Status.FAILED);
    assertThat(lost.error()).isEqualTo(ExecutionReconciler.LOST_ERROR);
    assertThat(lost.stopDate()).isEqualTo(clock.instant());
  }

  @Test
  void temporalBeingUnreachableIsServiceUnavailableForWhatNeedsIt() {
    ExecutionService.Started started = start("busy");
    temporal.unreachable = true;
    assertThat(service.describe(started.executionArn()).status())
        .isEqualTo(ExecutionService.Status.RUNNING);
    assertThatThrownBy(() -> service.stop(started.executionArn(), null, null))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
    assertThatThrownBy(() -> service.sendTaskHeartbeat("token"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
    assertThat(service.currentStates(started.executionArn())).isEmpty();
    temporal.unreachable = false;
    assertThat(service.currentStates(started.executionArn())).containsExactly("Working");
  }

  @ParameterizedTest
  @EnumSource(
      value = Reason.class,
      names = {"INVALID_TOKEN", "TASK_DOES_NOT_EXIST", "TASK_TIMED_OUT", "INVALID_OUTPUT"})
  void callbackRefusalsAreAnsweredWithAwsErrors(Reason reason) {
    temporal.callbackRefusal = reason;
    assertThatThrownBy(() -> service.sendTaskSuccess("token", "{}"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code().awsType()).isEqualTo(reason.awsCode()));
  }

  @Test
  void syncExecutionsAreForExpressMachinesOnly() {
    assertThatThrownBy(
            () -> service.startSync(new ExecutionService.StartCommand(machine, "s", "{}", null)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.STATE_MACHINE_TYPE_NOT_SUPPORTED));
    assertThat(records.find(arns.execution(machine.substring(machine.lastIndexOf(':') + 1), "s")))
        .isEmpty();
  }

  @Test
  void listingReconcilesAndFiltersByStatus() {
    start("a");
    ExecutionService.Started b = start("b");
    temporal.end(workflowId("b"), ExecutionStatus.SUCCEEDED, "{}", null, null);
    service.describe(b.executionArn());
    var succeeded =
        service.list(
            new ExecutionService.ListQuery(machine, ExecutionService.Status.SUCCEEDED, null, 0));
    assertThat(succeeded.items())
        .extracting(ExecutionService.ExecutionSummary::name)
        .containsExactly("b");
    var running =
        service.list(
            new ExecutionService.ListQuery(machine, ExecutionService.Status.RUNNING, null, 0));
    assertThat(running.items())
        .extracting(ExecutionService.ExecutionSummary::name)
        .containsExactly("a");
    assertThatThrownBy(
            () -> service.list(new ExecutionService.ListQuery(machine + ":9", null, null, 0)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.STATE_MACHINE_DOES_NOT_EXIST));
  }

  @Test
  void withoutVisibilityRunningRowsMissingFromTheOpenWorkflowsAreSettled() {
    ExecutionService.Started open = start("open");
    ExecutionService.Started closed = start("closed");
    lists.open.add(workflowId("open"));
    temporal.end(workflowId("closed"), ExecutionStatus.SUCCEEDED, "{\"ok\":true}", null, null);
    temporal.end(workflowId("open"), ExecutionStatus.SUCCEEDED, "{}", null, null);
    reconciler.sync();
    assertThat(records.find(closed.executionArn()).orElseThrow().status())
        .isEqualTo(RowStatus.SUCCEEDED);
    assertThat(records.find(closed.executionArn()).orElseThrow().output())
        .isEqualTo("{\"ok\":true}");
    // Listed open, so left alone until the list says otherwise.
    assertThat(records.find(open.executionArn()).orElseThrow().status())
        .isEqualTo(RowStatus.RUNNING);
    assertThat(lists.asked).isEmpty();
  }

  @Test
  void withVisibilityTheExecutionsClosedSinceTheLastSyncAreSettled() {
    lists.visibility = true;
    ExecutionService.Started first = start("first");
    ExecutionService.Started second = start("second");
    temporal.end(workflowId("first"), ExecutionStatus.TIMED_OUT, null, "States.Timeout", "late");
    lists.closed.add(workflowId("first"));
    reconciler.sync();
    assertThat(records.find(first.executionArn()).orElseThrow().status())
        .isEqualTo(RowStatus.TIMED_OUT);
    // The first sync asks for every closed execution; later ones from the last sync on, with a
    // margin for Temporal's indexing delay.
    assertThat(lists.asked).containsExactly((Instant) null);
    clock.advance(Duration.ofMinutes(10));
    temporal.end(workflowId("second"), ExecutionStatus.ABORTED, null, "E", "C");
    lists.closed.add(workflowId("second"));
    reconciler.sync();
    assertThat(lists.asked.get(1))
        .isEqualTo(
            Instant.parse("2026-01-01T00:00:00Z").minus(ExecutionReconciler.VISIBILITY_OVERLAP));
    assertThat(records.find(second.executionArn()).orElseThrow().error()).isEqualTo("E");
  }

  @Test
  void theVisibilityQueryAsksForEndedExecutionWorkflows() {
    assertThat(GrpcWorkflowLists.query(null))
        .isEqualTo("WorkflowType = 'StatecraftExecution' AND ExecutionStatus != 'Running'");
    assertThat(GrpcWorkflowLists.query(Instant.parse("2026-01-02T03:04:05Z")))
        .endsWith(" AND CloseTime >= '2026-01-02T03:04:05Z'");
  }
}
