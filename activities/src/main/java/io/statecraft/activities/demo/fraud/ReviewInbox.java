package io.statecraft.activities.demo.fraud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.activities.demo.EffectLedger;
import io.statecraft.activities.demo.fraud.FraudModel.ReviewRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The queue of transactions waiting for a human decision. RequestManualReview adds an item with the
 * task token of the waiting state; a reviewer (through the platform's API) lists the pending items,
 * {@link #resolve decides} one, and completes the waiting state with {@code SendTaskSuccess}, the
 * token and {@link Item#taskOutput()}. Items are added once per idempotency key. Thread-safe.
 */
public final class ReviewInbox {

  /** A review's state. */
  public enum Status {
    PENDING,
    APPROVED,
    DECLINED
  }

  /**
   * One review.
   *
   * @param reviewId a stable id derived from the requesting task's idempotency key
   * @param taskToken the token that completes the waiting state
   */
  public record Item(
      String reviewId,
      String transactionId,
      String taskToken,
      int score,
      List<String> reasons,
      JsonNode transaction,
      Status status,
      Instant requestedAt,
      Instant decidedAt,
      String reviewer,
      String note) {

    /**
     * The output to send with {@code SendTaskSuccess} once decided: {@code {"decision":
     * "APPROVED"|"DECLINED", "reviewer": ..., "note": ...}}, which the state machine's Choice reads
     * as {@code $.review.decision}.
     */
    public ObjectNode taskOutput() {
      ObjectNode output = JsonNodeFactory.instance.objectNode();
      output.put("reviewId", reviewId);
      output.put("decision", status.name());
      output.put("reviewer", reviewer);
      output.put("note", note);
      return output;
    }
  }

  private final EffectLedger ledger;
  private final Clock clock;
  private final Map<String, Item> items = new LinkedHashMap<>();

  public ReviewInbox(EffectLedger ledger, Clock clock) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Adds a pending review, once per key; returns the item (the first one for a repeated key). */
  public Item submit(String key, ReviewRequest request) {
    Objects.requireNonNull(request, "request");
    return ledger.applyOnce(
        "fraud.review",
        key,
        Item.class,
        () -> {
          String reviewId = "rev-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
          Item item =
              new Item(
                  reviewId,
                  request.risk() == null
                      ? request.transaction().path("transactionId").asText(null)
                      : request.risk().transactionId(),
                  request.taskToken(),
                  request.risk() == null ? 0 : request.risk().score(),
                  request.risk() == null ? List.of() : request.risk().reasons(),
                  request.transaction(),
                  Status.PENDING,
                  clock.instant(),
                  null,
                  null,
                  null);
          synchronized (this) {
            items.put(reviewId, item);
          }
          return item;
        });
  }

  /** Every review, oldest first. */
  public synchronized List<Item> list() {
    return List.copyOf(items.values());
  }

  /** The reviews still waiting for a decision, oldest first. */
  public synchronized List<Item> pending() {
    List<Item> pending = new ArrayList<>();
    for (Item item : items.values()) {
      if (item.status() == Status.PENDING) {
        pending.add(item);
      }
    }
    return pending;
  }

  public synchronized Optional<Item> get(String reviewId) {
    return Optional.ofNullable(items.get(reviewId));
  }

  /**
   * Records the reviewer's decision.
   *
   * @throws NoSuchElementException when there is no such review
   * @throws IllegalStateException when the review was already decided
   */
  public synchronized Item resolve(String reviewId, boolean approve, String reviewer, String note) {
    Item item = items.get(reviewId);
    if (item == null) {
      throw new NoSuchElementException("No review " + reviewId);
    }
    if (item.status() != Status.PENDING) {
      throw new IllegalStateException("Review " + reviewId + " was already " + item.status());
    }
    Item decided =
        new Item(
            item.reviewId(),
            item.transactionId(),
            item.taskToken(),
            item.score(),
            item.reasons(),
            item.transaction(),
            approve ? Status.APPROVED : Status.DECLINED,
            item.requestedAt(),
            clock.instant(),
            reviewer,
            note);
    items.put(reviewId, decided);
    return decided;
  }
}
