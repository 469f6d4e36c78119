package io.statecraft.asl.conformance;

/**
 * How an actual run compares with a case's expectation, part by part.
 *
 * @param resultMatches status, output (succeeded) and error (failed) match
 * @param resultMessage what differs in the result, or {@code null}
 * @param causeMatches the cause matches (always true for a succeeded case)
 * @param causeMessage what differs in the cause, or {@code null}
 * @param history how the history compares
 */
public record Verdict(
    boolean resultMatches,
    String resultMessage,
    boolean causeMatches,
    String causeMessage,
    HistoryVerdict history) {

  /**
   * @param outcome {@code match}, {@code mismatch}, {@code none} (the case has no history) or
   *     {@code unavailable} (the engine gave none)
   * @param firstDifference the index of the first differing event, or -1
   * @param message what differs there, or {@code null}
   */
  public record HistoryVerdict(String outcome, int firstDifference, String message) {
    public static final HistoryVerdict NONE = new HistoryVerdict("none", -1, null);
    public static final HistoryVerdict MATCH = new HistoryVerdict("match", -1, null);

    public boolean ok() {
      return outcome.equals("match") || outcome.equals("none");
    }
  }

  public boolean passed() {
    return resultMatches && causeMatches && history.ok();
  }

  /** The first problem, for a one-line message. */
  public String message() {
    if (!resultMatches) {
      return resultMessage;
    }
    if (!causeMatches) {
      return "cause: " + causeMessage;
    }
    if (!history.ok()) {
      return "history event " + history.firstDifference() + ": " + history.message();
    }
    return "passed";
  }
}
