package io.statecraft.bench.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The AWS Step Functions JSON 1.0 protocol over {@code java.net.http}: unsigned requests, which the
 * platform accepts while authentication is off.
 */
public final class AwsJsonClient {

  /** A non-2xx answer. */
  public static final class AwsError extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    AwsError(String action, int status, String body) {
      super(action + " answered HTTP " + status + ": " + body);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI endpoint;

  public AwsJsonClient(URI endpoint) {
    this.endpoint = endpoint;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Calls {@code action} with {@code body}; the answer's JSON. */
  public JsonNode call(String action, ObjectNode body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-amz-json-1.0")
            .header("X-Amz-Target", "AWSStepFunctions." + action)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new AwsError(action, response.statusCode(), response.body());
    }
    return JSON.readTree(response.body());
  }

  /** {@code CreateStateMachine} (STANDARD); its ARN. */
  public String createStateMachine(String name, String definition)
      throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    body.put("name", name);
    body.put("definition", definition);
    body.put("roleArn", "arn:aws:iam::123456789012:role/statecraft-bench");
    return call("CreateStateMachine", body).path("stateMachineArn").asText();
  }

  /** {@code StartExecution}; the execution's ARN. */
  public String startExecution(String stateMachineArn, String name, String input)
      throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    body.put("stateMachineArn", stateMachineArn);
    body.put("name", name);
    body.put("input", input);
    return call("StartExecution", body).path("executionArn").asText();
  }

  /** {@code DescribeExecution}. */
  public JsonNode describeExecution(String executionArn) throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    body.put("executionArn", executionArn);
    return call("DescribeExecution", body);
  }

  /**
   * Polls {@code DescribeExecution} every {@code pollMillis} until the execution leaves RUNNING;
   * the last answer.
   */
  public JsonNode awaitEnd(String executionArn, long pollMillis, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode d = describeExecution(executionArn);
      if (!"RUNNING".equals(d.path("status").asText())) {
        return d;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(executionArn + " is still RUNNING after " + timeout);
      }
      Thread.sleep(pollMillis);
    }
  }
}
