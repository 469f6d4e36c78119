package io.statecraft.activities.demo.fraud;

import io.statecraft.activities.TaskContext;
import io.statecraft.activities.demo.DemoRuntime;
import io.statecraft.activities.demo.fraud.FraudModel.Decision;
import io.statecraft.activities.demo.fraud.FraudModel.DecisionRequest;
import io.statecraft.activities.demo.fraud.FraudModel.ReviewRequest;
import io.statecraft.activities.demo.fraud.FraudModel.ReviewTicket;
import io.statecraft.activities.demo.fraud.FraudModel.RiskScore;
import io.statecraft.activities.demo.fraud.FraudModel.Transaction;
import io.statecraft.activities.sdk.AslTask;
import io.statecraft.activities.sdk.TaskError;
import java.util.Objects;

/**
 * The tasks of {@code examples/fraud-detection.asl.json}: score a transaction, then approve,
 * decline, or queue it for manual review; the review task runs under {@code .waitForTaskToken}, so
 * the state waits until a reviewer's decision arrives with the token.
 */
public final class FraudTasks {

  private final FraudRules rules;
  private final DecisionLog decisions;
  private final ReviewInbox reviews;
  private final DemoRuntime runtime;

  public FraudTasks(
      FraudRules rules, DecisionLog decisions, ReviewInbox reviews, DemoRuntime runtime) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.decisions = Objects.requireNonNull(decisions, "decisions");
    this.reviews = Objects.requireNonNull(reviews, "reviews");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
  }

  /** Scores the transaction. */
  @AslTask("ScoreTransaction")
  public RiskScore score(Transaction transaction, TaskContext context) {
    runtime.call("ScoreTransaction", context, "ScoringUnavailable");
    if (transaction == null || transaction.transactionId() == null) {
      throw TaskError.of("InvalidTransaction", "The transaction has no transactionId");
    }
    if (transaction.amountCents() < 0) {
      throw TaskError.of(
          "InvalidTransaction",
          "Transaction " + transaction.transactionId() + " has a negative amount");
    }
    return runtime.respond("ScoreTransaction", context, rules.score(transaction));
  }

  /** Records an approval. */
  @AslTask("ApproveTransaction")
  public Decision approve(DecisionRequest request, TaskContext context) {
    runtime.call("ApproveTransaction", context, "LedgerUnavailable");
    return runtime.respond("ApproveTransaction", context, decide(request, context, "APPROVED"));
  }

  /** Records a decline. */
  @AslTask("DeclineTransaction")
  public Decision decline(DecisionRequest request, TaskContext context) {
    runtime.call("DeclineTransaction", context, "LedgerUnavailable");
    return runtime.respond("DeclineTransaction", context, decide(request, context, "DECLINED"));
  }

  /** Puts the transaction in the review inbox with the waiting state's task token. */
  @AslTask("RequestManualReview")
  public ReviewTicket requestReview(ReviewRequest request, TaskContext context) {
    runtime.call("RequestManualReview", context, "ReviewQueueUnavailable");
    if (request == null || request.taskToken() == null || request.taskToken().isBlank()) {
      throw TaskError.of(
          "InvalidTransaction",
          "RequestManualReview needs the task token ($$.Task.Token) in taskToken");
    }
    if (request.transaction() == null || !request.transaction().isObject()) {
      throw TaskError.of("InvalidTransaction", "RequestManualReview needs the transaction");
    }
    ReviewInbox.Item item = reviews.submit(context.idempotencyKey(), request);
    return runtime.respond(
        "RequestManualReview", context, new ReviewTicket(item.reviewId(), item.status().name()));
  }

  private Decision decide(DecisionRequest request, TaskContext context, String decision) {
    if (request == null || request.transactionId() == null) {
      throw TaskError.of("InvalidTransaction", "The decision has no transactionId");
    }
    return decisions.record(
        context.idempotencyKey(), request.transactionId(), decision, request.reason());
  }
}
