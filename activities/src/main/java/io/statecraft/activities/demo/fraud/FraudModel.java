package io.statecraft.activities.demo.fraud;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The JSON shapes of the fraud-detection demo's tasks. Amounts are in cents. */
public final class FraudModel {

  private FraudModel() {}

  /** The execution input and ScoreTransaction's input. */
  public record Transaction(
      String transactionId,
      String accountId,
      long amountCents,
      String currency,
      String country,
      String homeCountry,
      String merchantCategory) {}

  /** ScoreTransaction's result: 0 (harmless) to 100, with the rules that added to it. */
  public record RiskScore(String transactionId, int score, List<String> reasons) {}

  /** ApproveTransaction's and DeclineTransaction's input. */
  public record DecisionRequest(String transactionId, String reason) {}

  /** ApproveTransaction's and DeclineTransaction's result. */
  public record Decision(String decisionId, String transactionId, String decision, String reason) {}

  /**
   * RequestManualReview's input: the task token of the waiting state ({@code $$.Task.Token}), the
   * transaction and its score.
   */
  public record ReviewRequest(String taskToken, JsonNode transaction, RiskScore risk) {}

  /** RequestManualReview's result (ignored by a {@code .waitForTaskToken} state). */
  public record ReviewTicket(String reviewId, String status) {}
}
