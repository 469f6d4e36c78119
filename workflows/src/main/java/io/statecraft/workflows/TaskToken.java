package io.statecraft.workflows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A task token ({@code $$.Task.Token}): it names the workflow run whose task waits for it and holds
 * a secret nonce that only that run can check.
 *
 * <p>Text form: {@code sc1.<workflowId>.<runId>.<nonce>}, where the workflow id and run id are
 * base64url-encoded (no padding) and the nonce is base64url text of at least 22 characters (128
 * bits). The nonce is drawn from a per-run secret that no one outside the run can compute, so a
 * token cannot be guessed, even from another token of the same execution. The text is at most
 * {@value #MAX_LENGTH} characters, AWS's limit for task tokens.
 *
 * @param workflowId the workflow that waits: an execution, or a child workflow of a large Map state
 * @param runId the run that issued the token; a callback for an earlier run is {@code TaskTimedOut}
 * @param nonce the secret part
 */
public record TaskToken(String workflowId, String runId, String nonce) {

  /** AWS's maximum length of a task token. */
  public static final int MAX_LENGTH = 1024;

  private static final String PREFIX = "sc1.";
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{22,128}");
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  public TaskToken {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(nonce, "nonce");
    if (workflowId.isEmpty() || runId.isEmpty()) {
      throw new IllegalArgumentException("a task token names a workflow id and a run id");
    }
    if (!NONCE.matcher(nonce).matches()) {
      throw new IllegalArgumentException(
          "a task token nonce is 22 to 128 base64url characters, was '" + nonce + "'");
    }
  }

  /**
   * The token's text.
   *
   * @throws IllegalStateException when it would be longer than {@value #MAX_LENGTH} characters
   */
  public String encode() {
    String text =
        PREFIX
            + ENCODER.encodeToString(workflowId.getBytes(StandardCharsets.UTF_8))
            + '.'
            + ENCODER.encodeToString(runId.getBytes(StandardCharsets.UTF_8))
            + '.'
            + nonce;
    if (text.length() > MAX_LENGTH) {
      throw new IllegalStateException(
          "the task token of workflow '"
              + workflowId
              + "' would be "
              + text.length()
              + " characters, more than "
              + MAX_LENGTH);
    }
    return text;
  }

  /**
   * Reads a token's text.
   *
   * @throws IllegalArgumentException naming what is wrong when the text is not a Statecraft task
   *     token ({@code InvalidToken})
   */
  public static TaskToken decode(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("the task token is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "the task token is " + text.length() + " characters long, more than " + MAX_LENGTH);
    }
    if (!text.startsWith(PREFIX)) {
      throw new IllegalArgumentException("the task token does not start with '" + PREFIX + "'");
    }
    String[] parts = text.substring(PREFIX.length()).split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "the task token must have the form sc1.<workflow>.<run>.<nonce>");
    }
    try {
      return new TaskToken(
          decodePart(parts[0], "workflow id"), decodePart(parts[1], "run id"), parts[2]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the task token is not valid: " + e.getMessage(), e);
    }
  }

  private static String decodePart(String part, String what) {
    try {
      byte[] bytes = DECODER.decode(part);
      String value = new String(bytes, StandardCharsets.UTF_8);
      if (!ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8)).equals(part)) {
        throw new IllegalArgumentException("its " + what + " is not canonical base64url UTF-8");
      }
      return value;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("its " + what + " is not base64url: " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    // The nonce is a secret: it stays out of logs and messages.
    return "TaskToken[" + workflowId + ", run " + runId + "]";
  }
}
