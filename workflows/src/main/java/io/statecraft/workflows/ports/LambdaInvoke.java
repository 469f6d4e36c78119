package io.statecraft.workflows.ports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.StatesError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code arn:aws:states:::lambda:invoke}: which function (activity type) its parameters name, what
 * the function receives, and the envelope AWS wraps a Lambda result in.
 */
final class LambdaInvoke {

  /**
   * {@code name}, {@code name:qualifier}, {@code account:function:name[:qualifier]} or a function
   * ARN.
   */
  private static final Pattern FUNCTION_NAME =
      Pattern.compile(
          "(?:arn:(?:aws|aws-cn|aws-us-gov):lambda:[a-z0-9-]+:)?(?:\\d{12}:function:)?"
              + "([a-zA-Z0-9_-]{1,140})(?::(\\$LATEST|[a-zA-Z0-9_-]{1,128}))?");

  private LambdaInvoke() {}

  /** How the function is invoked ({@code InvocationType}). */
  enum InvocationType {
    REQUEST_RESPONSE,
    EVENT,
    DRY_RUN
  }

  /** The function's name: the activity type. */
  static String functionName(JsonNode parameters) {
    JsonNode name = parameters.get("FunctionName");
    if (name == null || !name.isTextual()) {
      throw new AslFailure(
          StatesError.RUNTIME,
          "The parameters of arn:aws:states:::lambda:invoke need a string FunctionName.");
    }
    Matcher m = FUNCTION_NAME.matcher(name.textValue());
    if (!m.matches()) {
      throw new AslFailure(
          StatesError.RUNTIME,
          "The FunctionName '"
              + name.textValue()
              + "' is not a function name, a name with a qualifier, or a function ARN.");
    }
    return m.group(1);
  }

  /** What the function receives: {@code Payload}, or {@code {}} when there is none. */
  static JsonNode payload(JsonNode parameters) {
    JsonNode payload = parameters.get("Payload");
    return payload == null ? Json.NODES.objectNode() : payload;
  }

  static InvocationType invocationType(JsonNode parameters) {
    JsonNode type = parameters.get("InvocationType");
    if (type == null) {
      return InvocationType.REQUEST_RESPONSE;
    }
    return switch (type.asText()) {
      case "RequestResponse" -> InvocationType.REQUEST_RESPONSE;
      case "Event" -> InvocationType.EVENT;
      case "DryRun" -> InvocationType.DRY_RUN;
      default ->
          throw new AslFailure(
              StatesError.RUNTIME,
              "The InvocationType '"
                  + type.asText()
                  + "' is not one of RequestResponse, Event and DryRun.");
    };
  }

  /**
   * AWS's envelope of a Lambda result: the function's result as {@code Payload}, with the metadata
   * of the Invoke call. The version is {@code $LATEST}, as functions here are activities without
   * versions; the request id is drawn from the workflow's randomness.
   *
   * @param payload what the function returned, or {@code null} for none ({@code Event}, {@code
   *     DryRun})
   */
  static ObjectNode envelope(JsonNode payload, int statusCode, String requestId) {
    ObjectNode out = Json.NODES.objectNode();
    out.put("ExecutedVersion", "$LATEST");
    if (payload == null) {
      out.put("Payload", "");
    } else {
      out.set("Payload", payload);
    }
    ObjectNode http = out.putObject("SdkHttpMetadata");
    ObjectNode all = http.putObject("AllHttpHeaders");
    ObjectNode headers = http.putObject("HttpHeaders");
    header(all, headers, "Content-Type", "application/json");
    header(all, headers, "X-Amz-Executed-Version", "$LATEST");
    header(all, headers, "x-amzn-RequestId", requestId);
    http.put("HttpStatusCode", statusCode);
    out.putObject("SdkResponseMetadata").put("RequestId", requestId);
    out.put("StatusCode", statusCode);
    return out;
  }

  private static void header(ObjectNode all, ObjectNode headers, String name, String value) {
    all.putArray(name).add(value);
    headers.put(name, value);
  }
}
