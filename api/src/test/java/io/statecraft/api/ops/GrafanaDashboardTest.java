package io.statecraft.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The provisioned dashboard parses, and queries only metrics that exist: the platform's own (the
 * names and labels the execution service and the interpreter worker emit) or the Temporal SDK's,
 * the JVM's and Spring MVC's.
 */
class GrafanaDashboardTest {

  static final String DATASOURCE_UID = "statecraft-prometheus";

  /** The platform's metrics, as Prometheus names them, with their labels. */
  static final Map<String, Set<String>> PLATFORM_METRICS =
      Map.of(
          "statecraft_executions_started_total", Set.of("state_machine"),
          "statecraft_executions_completed_total", Set.of("state_machine", "status"),
          "statecraft_execution_failures_total", Set.of("state_machine", "error"),
          "statecraft_state_duration_seconds", Set.of("state_type"),
          "statecraft_task_duration_seconds", Set.of("resource"),
          "statecraft_task_retries_total", Set.of("state_machine", "state"),
          "statecraft_callbacks_waiting", Set.of("state_machine"));

  /** Labels Prometheus or the histogram add to every series. */
  private static final Set<String> COMMON_LABELS = Set.of("le", "job", "instance", "role");

  private static final Set<String> OTHER_PREFIXES = Set.of("temporal_", "jvm_", "http_server_");

  private static final Set<String> PROMQL_WORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "and",
          "or",
          "unless",
          "offset",
          "inf",
          "nan");

  private static final Pattern SELECTOR = Pattern.compile("\\{([^}]*)}");
  private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  static final JsonNode DASHBOARD = read();

  private static JsonNode read() {
    try {
      return new ObjectMapper()
          .readTree(
              DeploymentFiles.read(
                  DeploymentFiles.root().resolve("ops/grafana/dashboards/statecraft.json")));
    } catch (Exception e) {
      throw new AssertionError("ops/grafana/dashboards/statecraft.json does not parse", e);
    }
  }

  /** Every PromQL expression: panel targets and template variable queries. */
  static Map<String, String> expressions() {
    Map<String, String> expressions = new LinkedHashMap<>();
    for (JsonNode panel : DASHBOARD.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        expressions.put(
            panel.path("title").asText() + "/" + target.path("refId").asText(),
            target.path("expr").asText());
      }
    }
    for (JsonNode variable : DASHBOARD.path("templating").path("list")) {
      if (variable.path("type").asText().equals("query")) {
        JsonNode query = variable.path("query");
        String text = query.isObject() ? query.path("query").asText() : query.asText();
        Matcher labelValues = Pattern.compile("label_values\\((\\w+),\\s*(\\w+)\\)").matcher(text);
        assertThat(labelValues.matches()).as("variable %s", variable.path("name")).isTrue();
        expressions.put(
            "variable " + variable.path("name").asText(),
            labelValues.group(1) + "{" + labelValues.group(2) + "!=\"\"}");
      }
    }
    return expressions;
  }

  /** The metric names an expression selects. */
  static Set<String> metricNames(String expression) {
    String stripped =
        expression
            .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
            .replaceAll("\\[[^]]*]", "")
            .replaceAll("\\$\\w+", "");
    stripped = SELECTOR.matcher(stripped).replaceAll(" ");
    stripped = GROUPING.matcher(stripped).replaceAll(" ");
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = IDENTIFIER.matcher(stripped);
    while (matcher.find()) {
      String word = matcher.group();
      int next = matcher.end();
      while (next < stripped.length() && stripped.charAt(next) == ' ') {
        next++;
      }
      boolean call = next < stripped.length() && stripped.charAt(next) == '(';
      if (!call && !PROMQL_WORDS.contains(word.toLowerCase())) {
        names.add(word);
      }
    }
    return names;
  }

  /** The labels an expression matches on or groups by. */
  static Set<String> labels(String expression) {
    Set<String> labels = new TreeSet<>();
    String unquoted = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    Matcher selector = SELECTOR.matcher(unquoted);
    while (selector.find()) {
      for (String matcher : selector.group(1).split(",")) {
        if (!matcher.isBlank()) {
          labels.add(matcher.split("[=!~]")[0].trim());
        }
      }
    }
    Matcher grouping = GROUPING.matcher(unquoted);
    while (grouping.find()) {
      for (String label : grouping.group(1).split(",")) {
        labels.add(label.trim());
      }
    }
    return labels;
  }

  static String platformMetric(String name) {
    for (String metric : PLATFORM_METRICS.keySet()) {
      if (name.equals(metric)) {
        return metric;
      }
      if (metric.endsWith("_seconds")
          && List.of("_bucket", "_count", "_sum", "_max").stream()
              .anyMatch(suffix -> name.equals(metric + suffix))) {
        return metric;
      }
    }
    return null;
  }

  @Test
  void isAProvisionableDashboard() {
    assertThat(DASHBOARD.path("uid").asText()).isEqualTo("statecraft-overview");
    assertThat(DASHBOARD.path("title").asText()).isEqualTo("Statecraft");
    assertThat(DASHBOARD.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(39);
    assertThat(DASHBOARD.has("id")).as("a provisioned dashboard has no database id").isFalse();
    Set<Integer> ids = new TreeSet<>();
    for (JsonNode panel : DASHBOARD.path("panels")) {
      assertThat(ids.add(panel.path("id").asInt())).as("panel ids are unique").isTrue();
      JsonNode grid = panel.path("gridPos");
      assertThat(grid.path("x").asInt() + grid.path("w").asInt())
          .as(panel.path("title").asText())
          .isLessThanOrEqualTo(24);
      if (!panel.path("type").asText().equals("row")) {
        assertThat(panel.path("datasource").path("uid").asText()).isEqualTo(DATASOURCE_UID);
        assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
        for (JsonNode target : panel.path("targets")) {
          assertThat(target.path("expr").asText()).isNotBlank();
          assertThat(target.path("datasource").path("uid").asText()).isEqualTo(DATASOURCE_UID);
        }
      }
    }
  }

  @Test
  void queriesOnlyMetricsThatExist() {
    List<String> problems = new ArrayList<>();
    expressions()
        .forEach(
            (where, expression) -> {
              Set<String> names = metricNames(expression);
              if (names.isEmpty()) {
                problems.add(where + ": selects no metric: " + expression);
              }
              for (String name : names) {
                String platform = platformMetric(name);
                if (platform != null) {
                  Set<String> allowed = new TreeSet<>(PLATFORM_METRICS.get(platform));
                  allowed.addAll(COMMON_LABELS);
                  for (String label : labels(expression)) {
                    if (!allowed.contains(label)) {
                      problems.add(where + ": " + name + " has no label " + label);
                    }
                  }
                } else if (OTHER_PREFIXES.stream().noneMatch(name::startsWith)) {
                  problems.add(where + ": unknown metric " + name);
                }
              }
            });
    assertThat(problems).isEmpty();
  }

  @Test
  void showsEveryPlatformMetricAndTheWorkersHealth() {
    Set<String> used = new TreeSet<>();
    expressions().values().forEach(expression -> used.addAll(metricNames(expression)));
    for (String metric : PLATFORM_METRICS.keySet()) {
      assertThat(used.stream().anyMatch(name -> metric.equals(platformMetric(name))))
          .as("the dashboard shows %s", metric)
          .isTrue();
    }
    assertThat(used)
        .contains(
            "temporal_workflow_task_schedule_to_start_latency_seconds_bucket",
            "temporal_workflow_task_execution_latency_seconds_bucket",
            "temporal_activity_schedule_to_start_latency_seconds_bucket",
            "temporal_activity_execution_latency_seconds_bucket",
            "temporal_worker_task_slots_available",
            "temporal_num_pollers",
            "jvm_memory_used_bytes");
    String all = String.join("\n", expressions().values());
    assertThat(all)
        .contains("histogram_quantile(0.99, sum by (le, state_type)")
        .contains("histogram_quantile(0.95, sum by (le, resource)")
        .contains("sum by (error)")
        .contains("sum by (status)");
  }

  @Test
  void theMetricCheckRejectsWhatDoesNotExist() {
    assertThat(metricNames("sum by (state_machine) (rate(statecraft_executions_total[5m]))"))
        .containsExactly("statecraft_executions_total");
    assertThat(platformMetric("statecraft_executions_total")).isNull();
    assertThat(metricNames("histogram_quantile(0.9, sum by (le) (rate(x_bucket{a=\"b\"}[$i])))"))
        .containsExactly("x_bucket");
    assertThat(
            labels(
                "sum by (state) (rate(statecraft_task_retries_total{state_machine=~\"$s\"}[1m]))"))
        .containsExactly("state", "state_machine");
  }
}
