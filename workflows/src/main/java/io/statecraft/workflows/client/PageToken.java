package io.statecraft.workflows.client;

import io.statecraft.workflows.StatecraftClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of a history starts: the run to query and the event id to continue after
 * (forward) or before (reverse). Bound to its execution and order.
 */
record PageToken(String workflowId, String runId, long eventId, boolean reverse) {

  private static final String VERSION = "h1";

  String encode() {
    String text =
        String.join("\n", VERSION, workflowId, runId, Long.toString(eventId), reverse ? "R" : "F");
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static PageToken decode(String token, String workflowId, boolean reverse) {
    String[] parts;
    try {
      parts =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
    } catch (IllegalArgumentException e) {
      throw invalid("it is not base64url");
    }
    if (parts.length != 5 || !parts[0].equals(VERSION)) {
      throw invalid("it is not a history page token");
    }
    if (!parts[1].equals(workflowId)) {
      throw invalid("it belongs to another execution");
    }
    if (!parts[4].equals(reverse ? "R" : "F")) {
      throw invalid("it was written for the " + (reverse ? "forward" : "reverse") + " order");
    }
    try {
      return new PageToken(parts[1], parts[2], Long.parseLong(parts[3]), reverse);
    } catch (NumberFormatException e) {
      throw invalid("its event id is not a number");
    }
  }

  private static StatecraftClientException invalid(String why) {
    return new StatecraftClientException(
        StatecraftClientException.Reason.INVALID_TOKEN, "The page token is not valid: " + why);
  }
}
