package io.statecraft.activities.demo.fraud;

import io.statecraft.activities.demo.fraud.FraudModel.RiskScore;
import io.statecraft.activities.demo.fraud.FraudModel.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The demo's scoring rules, deterministic: points for a large amount (40), a country other than the
 * account's home country (25), a high-risk country (20), a high-risk merchant category (15) and a
 * watch-listed account (50), capped at 100. The state machine approves below 30, declines from 70
 * and sends the rest to manual review.
 *
 * @param largeAmountCents from this amount on, a transaction is large
 */
public record FraudRules(
    long largeAmountCents,
    Set<String> highRiskCountries,
    Set<String> highRiskMerchantCategories,
    Set<String> watchlistedAccounts) {

  public FraudRules {
    highRiskCountries = Set.copyOf(highRiskCountries);
    highRiskMerchantCategories = Set.copyOf(highRiskMerchantCategories);
    watchlistedAccounts = Set.copyOf(watchlistedAccounts);
  }

  /** Large from 1,000.00; two high-risk countries and categories; account {@code acct-watch}. */
  public static FraudRules demo() {
    return new FraudRules(
        100_000, Set.of("XX", "ZZ"), Set.of("gambling", "crypto"), Set.of("acct-watch"));
  }

  public RiskScore score(Transaction transaction) {
    Objects.requireNonNull(transaction, "transaction");
    int score = 0;
    List<String> reasons = new ArrayList<>();
    if (transaction.amountCents() >= largeAmountCents) {
      score += 40;
      reasons.add("large amount");
    }
    String country = upper(transaction.country());
    if (country != null
        && transaction.homeCountry() != null
        && !country.equals(upper(transaction.homeCountry()))) {
      score += 25;
      reasons.add("foreign country");
    }
    if (country != null && highRiskCountries.contains(country)) {
      score += 20;
      reasons.add("high-risk country");
    }
    String category =
        transaction.merchantCategory() == null
            ? null
            : transaction.merchantCategory().toLowerCase(Locale.ROOT);
    if (category != null && highRiskMerchantCategories.contains(category)) {
      score += 15;
      reasons.add("high-risk merchant category");
    }
    if (transaction.accountId() != null && watchlistedAccounts.contains(transaction.accountId())) {
      score += 50;
      reasons.add("watch-listed account");
    }
    return new RiskScore(transaction.transactionId(), Math.min(score, 100), List.copyOf(reasons));
  }

  private static String upper(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }
}
