package io.statecraft.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.statecraft.api.StatecraftApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * After executions ran on the platform, {@code /actuator/prometheus} shows the interpreter's {@code
 * statecraft_*} metrics, reported through Temporal's metrics scope, with the labels the Grafana
 * dashboard queries ({@link GrafanaDashboardTest#PLATFORM_METRICS}).
 */
class PlatformMetricsIT {

  static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)}\\s+(\\S+)");
  static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dataDir;
  ConfigurableApplicationContext app;

  // The running application as java -jar starts it: a test context would leave the Prometheus
  // registry out.
  @BeforeEach
  void start() {
    app =
        new SpringApplicationBuilder(StatecraftApplication.class)
            .run(
                "--statecraft.data-dir=" + dataDir,
                "--server.port=0",
                "--statecraft.temporal.embedded.port=0");
  }

  @AfterEach
  void stop() {
    app.close();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  record Sample(String name, Map<String, String> labels, double value) {}

  HttpResponse<String> send(String method, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  List<Sample> scrape() throws Exception {
    HttpResponse<String> response = send("GET", "/actuator/prometheus", null);
    assertThat(response.statusCode()).isEqualTo(200);
    String body = response.body();
    return body.lines()
        .map(SAMPLE::matcher)
        .filter(Matcher::find)
        .map(
            m -> {
              Map<String, String> labels = new LinkedHashMap<>();
              Matcher l = LABEL.matcher(m.group(2));
              while (l.find()) {
                labels.put(l.group(1), l.group(2));
              }
              return new Sample(m.group(1), labels, Double.parseDouble(m.group(3)));
            })
        .toList();
  }

  static boolean has(List<Sample> samples, String name, Map<String, String> labels) {
    return samples.stream()
        .anyMatch(
            s ->
                s.name().equals(name)
                    && s.value() > 0
                    && s.labels().entrySet().containsAll(labels.entrySet()));
  }

  @Test
  void executionsShowUpInThePlatformMetricsWithTheirLabels() throws Exception {
    send(
        "POST",
        "/api/v1/state-machines",
        """
        {"name":"MetricsOk","definition":{"StartAt":"P","States":{
          "P":{"Type":"Pass","Next":"T"},
          "T":{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:ValidateOrder",
               "Next":"W"},
          "W":{"Type":"Wait","Seconds":0,"End":true}}}}""");
    send(
        "POST",
        "/api/v1/state-machines",
        """
        {"name":"MetricsFail","definition":{"StartAt":"F","States":{
          "F":{"Type":"Fail","Error":"Boom","Cause":"on purpose"}}}}""");
    String order =
        "{\"orderId\":\"o-metrics\",\"customerId\":\"c-1\",\"items\":[{\"sku\":\"SKU-BOOK\","
            + "\"quantity\":1}],\"payment\":{\"method\":\"card\",\"token\":\"tok_visa\"},"
            + "\"shippingAddress\":{\"name\":\"Ada\",\"line1\":\"1\",\"city\":\"c\","
            + "\"postalCode\":\"1\",\"country\":\"US\"}}";
    assertThat(
            send("POST", "/api/v1/state-machines/MetricsOk/executions", "{\"input\":" + order + "}")
                .statusCode())
        .isEqualTo(201);
    assertThat(send("POST", "/api/v1/state-machines/MetricsFail/executions", null).statusCode())
        .isEqualTo(201);

    // Temporal's scope reports to Micrometer every ten seconds.
    List<Sample> samples =
        await()
            .atMost(Duration.ofSeconds(45))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                this::scrape,
                s ->
                    has(
                            s,
                            "statecraft_executions_completed_total",
                            Map.of("state_machine", "MetricsOk"))
                        && has(
                            s,
                            "statecraft_execution_failures_total",
                            Map.of("state_machine", "MetricsFail")));

    assertThat(
            has(
                samples,
                "statecraft_executions_started_total",
                Map.of("state_machine", "MetricsOk")))
        .isTrue();
    assertThat(
            has(
                samples,
                "statecraft_executions_completed_total",
                Map.of("state_machine", "MetricsOk", "status", "succeeded")))
        .isTrue();
    assertThat(
            has(
                samples,
                "statecraft_executions_completed_total",
                Map.of("state_machine", "MetricsFail", "status", "failed")))
        .isTrue();
    assertThat(
            has(
                samples,
                "statecraft_execution_failures_total",
                Map.of("state_machine", "MetricsFail", "error", "Boom")))
        .isTrue();
    assertThat(
            has(samples, "statecraft_state_duration_seconds_count", Map.of("state_type", "Pass")))
        .isTrue();
    assertThat(
            has(samples, "statecraft_state_duration_seconds_bucket", Map.of("state_type", "Wait")))
        .isTrue();
    assertThat(
            has(
                samples,
                "statecraft_task_duration_seconds_count",
                Map.of("resource", "arn:aws:states:us-east-1:123456789012:activity:ValidateOrder")))
        .isTrue();
    // The SDK's own metrics come through the same registry.
    assertThat(samples).anySatisfy(s -> assertThat(s.name()).startsWith("temporal_"));
    // Every platform metric carries the labels the dashboard groups by.
    for (Sample sample : samples) {
      GrafanaDashboardTest.PLATFORM_METRICS.forEach(
          (metric, labels) -> {
            if (sample.name().startsWith(metric)) {
              assertThat(sample.labels().keySet()).as(sample.toString()).containsAll(labels);
            }
          });
    }
  }
}
