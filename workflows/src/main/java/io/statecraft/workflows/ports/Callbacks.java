package io.statecraft.workflows.ports;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.error.AslError;
import io.statecraft.asl.error.StatesError;
import io.statecraft.workflows.CallbackError;
import io.statecraft.workflows.TaskToken;
import io.statecraft.workflows.failure.FailureMapper;
import io.temporal.workflow.Workflow;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The task tokens of one workflow run and the callbacks that arrive for them.
 *
 * <p>A nonce is an HMAC, under a per-run secret, of {@code Workflow.randomUUID()}. The UUID alone
 * would not do: the SDK derives it from the run id and a counter, so anyone who knows one token
 * could compute the others. The secret is drawn once per run with {@code Workflow.sideEffect} (one
 * marker in the history, only in runs that issue tokens), so a replay finds the same nonces.
 *
 * <p>Each token's task is OPEN from its issue until the state has its result, timed out or was
 * stopped; callbacks for it are then refused with {@code TaskTimedOut}.
 */
public final class Callbacks {

  /** One issued token. */
  public static final class Callback {
    private final String invocationId;
    private boolean open = true;
    private JsonNode output;
    private AslError failure;
    private int heartbeats;

    Callback(String invocationId) {
      this.invocationId = invocationId;
    }

    public String invocationId() {
      return invocationId;
    }

    /** Whether SendTaskSuccess or SendTaskFailure arrived. */
    public boolean resolved() {
      return output != null || failure != null;
    }

    /** The output SendTaskSuccess sent, or {@code null}. */
    public JsonNode output() {
      return output;
    }

    /** The error SendTaskFailure sent, or {@code null}. */
    public AslError failure() {
      return failure;
    }

    /** How many heartbeats arrived. */
    public int heartbeats() {
      return heartbeats;
    }
  }

  private final String workflowId;
  private final String runId;
  private final Map<String, Callback> byNonce = new HashMap<>();
  private final Map<String, Callback> byInvocation = new HashMap<>();
  private byte[] secret;

  Callbacks(String workflowId, String runId) {
    this.workflowId = workflowId;
    this.runId = runId;
  }

  /** Issues the token of one attempt ({@code invocationId}) of a {@code .waitForTaskToken} task. */
  public String issue(String invocationId) {
    if (secret == null) {
      secret =
          Workflow.sideEffect(
              byte[].class,
              () -> {
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                return bytes;
              });
    }
    String nonce = nonce(invocationId);
    Callback callback = new Callback(invocationId);
    byNonce.put(nonce, callback);
    byInvocation.put(invocationId, callback);
    return new TaskToken(workflowId, runId, nonce).encode();
  }

  /** The callback of an attempt that was issued a token, or {@code null}. */
  public Callback forInvocation(String invocationId) {
    return byInvocation.get(invocationId);
  }

  /** The attempt is over: later callbacks for its token are refused. */
  public void close(Callback callback) {
    callback.open = false;
  }

  /**
   * Checks a callback's token (and output), as the update validators do.
   *
   * @throws io.temporal.failure.ApplicationFailure with a {@link CallbackError} type when it is
   *     refused
   */
  public void validate(String token, String output) {
    Callback callback = find(token);
    if (!callback.open || callback.resolved()) {
      throw FailureMapper.callbackRejection(
          CallbackError.TASK_TIMED_OUT,
          "The task of this token ("
              + callback.invocationId
              + ") is already closed: it has its result, timed out or was stopped.");
    }
    if (output != null) {
      try {
        Json.parse(output);
      } catch (IllegalArgumentException e) {
        throw FailureMapper.callbackRejection(
            CallbackError.INVALID_OUTPUT, "The output is not valid JSON: " + e.getMessage());
      }
    }
  }

  /** SendTaskSuccess, accepted by {@link #validate}. */
  public void succeed(String token, String output) {
    accepted(token).output = Json.parse(output);
  }

  /** SendTaskFailure, accepted by {@link #validate}. */
  public void fail(String token, String error, String cause) {
    // AWS accepts a failure without an error name; the engine needs one for Retry and Catch.
    accepted(token).failure =
        new AslError(error == null ? StatesError.TASK_FAILED.errorName() : error, cause);
  }

  /** SendTaskHeartbeat, accepted by {@link #validate}. */
  public void heartbeat(String token) {
    accepted(token).heartbeats++;
  }

  /** The task of a token a validator accepted: found by its nonce alone. */
  private Callback accepted(String token) {
    Callback callback = byNonce.get(TaskToken.decode(token).nonce());
    if (callback == null) {
      throw new IllegalStateException("an accepted task token names no task of this run");
    }
    return callback;
  }

  private Callback find(String token) {
    TaskToken parsed;
    try {
      parsed = TaskToken.decode(token);
    } catch (IllegalArgumentException e) {
      throw FailureMapper.callbackRejection(CallbackError.INVALID_TOKEN, e.getMessage());
    }
    if (!parsed.workflowId().equals(workflowId)) {
      throw FailureMapper.callbackRejection(
          CallbackError.TASK_DOES_NOT_EXIST,
          "The token names the workflow '" + parsed.workflowId() + "', not this one.");
    }
    if (!parsed.runId().equals(runId)) {
      // Callbacks never outlive a run: a token of an earlier run belongs to a closed task.
      throw FailureMapper.callbackRejection(
          CallbackError.TASK_TIMED_OUT,
          "The token belongs to an earlier run of this execution, whose tasks are closed.");
    }
    Callback callback = byNonce.get(parsed.nonce());
    if (callback == null) {
      throw FailureMapper.callbackRejection(
          CallbackError.TASK_DOES_NOT_EXIST, "No task of this execution has this token.");
    }
    return callback;
  }

  private String nonce(String seed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] digest = mac.doFinal(seed.getBytes(StandardCharsets.UTF_8));
      // 24 bytes: 192 bits, 32 characters of base64url.
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(java.util.Arrays.copyOf(digest, 24));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
