package io.statecraft.asl.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.error.StatesError;

/**
 * The history events of a task attempt, by resource kind, as AWS records them: {@code Activity*}
 * for an activity ARN, {@code LambdaFunction*} for a Lambda function ARN, and {@code Task*} (with
 * {@code resourceType} and {@code resource}, for example {@code lambda} and {@code invoke}) for a
 * service integration such as {@code arn:aws:states:::lambda:invoke}.
 */
final class TaskEvents {

  private enum Kind {
    ACTIVITY,
    LAMBDA,
    SERVICE
  }

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String resource;
  private final String region;
  private final Kind kind;
  private final String resourceType;
  private final String serviceResource;

  TaskEvents(String resource, String region) {
    this.resource = resource;
    this.region = region;
    if (resource.startsWith("arn:aws:states:") && resource.contains(":activity:")) {
      kind = Kind.ACTIVITY;
    } else if (resource.startsWith("arn:aws:lambda:") && resource.contains(":function:")) {
      kind = Kind.LAMBDA;
    } else {
      kind = Kind.SERVICE;
    }
    String prefix = "arn:aws:states:::";
    if (resource.startsWith(prefix) && resource.indexOf(':', prefix.length()) > 0) {
      int colon = resource.indexOf(':', prefix.length());
      resourceType = resource.substring(prefix.length(), colon);
      serviceResource = resource.substring(colon + 1);
    } else {
      resourceType = "task";
      serviceResource = resource;
    }
  }

  HistoryEventType scheduled() {
    return switch (kind) {
      case ACTIVITY -> HistoryEventType.ActivityScheduled;
      case LAMBDA -> HistoryEventType.LambdaFunctionScheduled;
      case SERVICE -> HistoryEventType.TaskScheduled;
    };
  }

  HistoryEventType started() {
    return switch (kind) {
      case ACTIVITY -> HistoryEventType.ActivityStarted;
      case LAMBDA -> HistoryEventType.LambdaFunctionStarted;
      case SERVICE -> HistoryEventType.TaskStarted;
    };
  }

  HistoryEventType succeeded() {
    return switch (kind) {
      case ACTIVITY -> HistoryEventType.ActivitySucceeded;
      case LAMBDA -> HistoryEventType.LambdaFunctionSucceeded;
      case SERVICE -> HistoryEventType.TaskSucceeded;
    };
  }

  /** {@code *TimedOut} for timeouts, else {@code *Failed}. */
  HistoryEventType failed(String error) {
    boolean timedOut =
        StatesError.TIMEOUT.errorName().equals(error)
            || StatesError.HEARTBEAT_TIMEOUT.errorName().equals(error);
    return switch (kind) {
      case ACTIVITY ->
          timedOut ? HistoryEventType.ActivityTimedOut : HistoryEventType.ActivityFailed;
      case LAMBDA ->
          timedOut
              ? HistoryEventType.LambdaFunctionTimedOut
              : HistoryEventType.LambdaFunctionFailed;
      case SERVICE -> timedOut ? HistoryEventType.TaskTimedOut : HistoryEventType.TaskFailed;
    };
  }

  ObjectNode scheduledDetails(
      JsonNode parameters, Integer timeout, Integer heartbeat, JsonNode credentials) {
    ObjectNode d = JSON.objectNode();
    if (kind == Kind.SERVICE) {
      d.put("resourceType", resourceType);
      d.put("resource", serviceResource);
      d.put("region", region);
      d.set("parameters", parameters);
    } else {
      d.put("resource", resource);
      d.set("input", parameters);
    }
    if (timeout != null) {
      d.put("timeoutInSeconds", timeout);
    }
    if (heartbeat != null && kind != Kind.LAMBDA) {
      d.put("heartbeatInSeconds", heartbeat);
    }
    if (credentials != null && kind == Kind.SERVICE) {
      d.set("taskCredentials", credentials);
    }
    return d;
  }

  ObjectNode startedDetails() {
    return switch (kind) {
      case SERVICE -> service();
      case ACTIVITY -> JSON.objectNode();
      case LAMBDA -> null;
    };
  }

  ObjectNode succeededDetails(JsonNode output) {
    ObjectNode d = kind == Kind.SERVICE ? service() : JSON.objectNode();
    d.set("output", output);
    return d;
  }

  ObjectNode failedDetails(String error, String cause) {
    ObjectNode d = kind == Kind.SERVICE ? service() : JSON.objectNode();
    if (error != null) {
      d.put("error", error);
    }
    if (cause != null) {
      d.put("cause", cause);
    }
    return d;
  }

  private ObjectNode service() {
    ObjectNode d = JSON.objectNode();
    d.put("resourceType", resourceType);
    d.put("resource", serviceResource);
    return d;
  }
}
