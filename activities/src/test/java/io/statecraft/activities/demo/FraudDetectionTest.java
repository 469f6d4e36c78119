package io.statecraft.activities.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.activities.FixedTaskContext;
import io.statecraft.activities.demo.fraud.ReviewInbox;
import io.statecraft.activities.sdk.TaskDispatcher;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FraudDetectionTest {

  private final ObjectMapper mapper = TaskDispatcher.defaultObjectMapper();
  private final DemoServices demo =
      DemoServices.create(
          DemoSettings.defaults(),
          Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC),
          mapper);
  private final TaskDispatcher tasks =
      TaskDispatcher.builder().register(demo.taskObjects().toArray()).build();

  private int score(String transaction) throws Exception {
    return tasks
        .invoke(
            "ScoreTransaction",
            mapper.readTree(transaction),
            FixedTaskContext.of("f/t", "ScoreTransaction"))
        .get("score")
        .asInt();
  }

  @Test
  void scoresLandInTheThreeBranchesOfTheStateMachine() throws Exception {
    // Choice: below 30 approve, 70 and above decline, manual review in between.
    assertThat(
            score(
                "{\"transactionId\":\"t-1\",\"accountId\":\"a\",\"amountCents\":2500,\"country\":\"US\",\"homeCountry\":\"US\",\"merchantCategory\":\"books\"}"))
        .isZero();
    assertThat(
            score(
                "{\"transactionId\":\"t-2\",\"accountId\":\"a\",\"amountCents\":250000,\"country\":\"FR\",\"homeCountry\":\"US\",\"merchantCategory\":\"electronics\"}"))
        .isEqualTo(65);
    assertThat(
            score(
                "{\"transactionId\":\"t-3\",\"accountId\":\"acct-watch\",\"amountCents\":90000,\"country\":\"XX\",\"homeCountry\":\"US\",\"merchantCategory\":\"crypto\"}"))
        .isEqualTo(100);
  }

  @Test
  void decisionsAreRecordedOncePerInvocation() throws Exception {
    FixedTaskContext approve = FixedTaskContext.of("fraud/t-1", "ApproveTransaction");
    JsonNode request = mapper.readTree("{\"transactionId\":\"t-1\",\"reason\":\"low risk\"}");
    JsonNode first = tasks.invoke("ApproveTransaction", request, approve);
    JsonNode repeat = tasks.invoke("ApproveTransaction", request, approve.retried());
    assertThat(repeat).isEqualTo(first);
    assertThat(first.get("decision").asText()).isEqualTo("APPROVED");
    assertThat(demo.decisions().decisionsApplied("t-1")).isEqualTo(1);
    assertThat(demo.decisions().decisions()).hasSize(1);
  }

  @Test
  void manualReviewRecordsTheTaskTokenForAReviewerToComplete() throws Exception {
    FixedTaskContext context = FixedTaskContext.of("fraud/t-2", "ManualReview");
    JsonNode request =
        mapper.readTree(
            "{\"taskToken\":\"AAAA-token\",\"transaction\":{\"transactionId\":\"t-2\",\"amountCents\":250000},"
                + "\"risk\":{\"transactionId\":\"t-2\",\"score\":65,\"reasons\":[\"large amount\",\"foreign country\"]}}");
    JsonNode ticket = tasks.invoke("RequestManualReview", request, context);
    tasks.invoke("RequestManualReview", request, context.retried());

    assertThat(ticket.get("status").asText()).isEqualTo("PENDING");
    ReviewInbox inbox = demo.reviews();
    assertThat(inbox.pending()).hasSize(1);
    ReviewInbox.Item item = inbox.pending().get(0);
    assertThat(item.reviewId()).isEqualTo(ticket.get("reviewId").asText());
    assertThat(item.taskToken()).isEqualTo("AAAA-token");
    assertThat(item.transactionId()).isEqualTo("t-2");
    assertThat(item.reasons()).containsExactly("large amount", "foreign country");
    assertThat(item.requestedAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));

    ReviewInbox.Item decided =
        inbox.resolve(item.reviewId(), false, "alice", "card reported stolen");
    assertThat(inbox.pending()).isEmpty();
    assertThat(decided.taskOutput())
        .isEqualTo(
            mapper.readTree(
                "{\"reviewId\":\""
                    + item.reviewId()
                    + "\",\"decision\":\"DECLINED\","
                    + "\"reviewer\":\"alice\",\"note\":\"card reported stolen\"}"));
    assertThatThrownBy(() -> inbox.resolve(item.reviewId(), true, "bob", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already DECLINED");
  }

  @Test
  void reviewWithoutTaskTokenIsRejected() throws Exception {
    ApplicationFailure failure = null;
    try {
      tasks.invoke(
          "RequestManualReview",
          mapper.readTree("{\"transaction\":{\"transactionId\":\"t-9\"}}"),
          FixedTaskContext.of("fraud/t-9", "ManualReview"));
    } catch (ApplicationFailure f) {
      failure = f;
    }
    assertThat(failure).isNotNull();
    assertThat(failure.getType()).isEqualTo("InvalidTransaction");
    assertThat(failure.getOriginalMessage()).contains("$$.Task.Token");
    assertThat(demo.reviews().list()).isEmpty();
  }
}
