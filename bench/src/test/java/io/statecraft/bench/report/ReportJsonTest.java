package io.statecraft.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Environment environment() {
    return new Environment(
        "2024-01-01T00:00:00Z",
        List.of("--quick"),
        "0.1.0",
        2,
        "Some CPU",
        "21.0.5+11",
        "Eclipse Adoptium",
        "OpenJDK 64-Bit Server VM 21.0.5+11",
        "Linux",
        "6.1",
        "amd64",
        1L << 30,
        List.of("-Xmx1g"));
  }

  static ScenarioReport scenario() {
    Map<String, Number> stats = new LinkedHashMap<>();
    stats.put("median", 12.5);
    stats.put("p99", 40.25);
    stats.put("samples", 1000L);
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("input_bytes", 1024);
    parameters.put("jmh_warmup", "2 x 1 s");
    return new ScenarioReport(
        "demo",
        "a demonstration",
        parameters,
        List.of(
            new Figure("demo.task.us_per_state", 12.5, "us", stats, Target.atMost(20), "a task"),
            new Figure("demo.slow.us_per_state", 60, "us", Map.of(), Target.atMost(50), "slow"),
            Figure.of("demo.a_over_b.ratio", 1.5, "ratio", "a ratio"),
            new Figure("demo.speed.ratio", 0.9, "ratio", Map.of(), Target.atLeast(0.95), "speed")),
        List.of("a note"),
        3.14159);
  }

  static Report report() {
    return new Report(environment(), "quick", List.of(scenario()));
  }

  @Test
  void writesTheDocumentedLayout(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("nested/bench-report.json");
    ReportJson.write(report(), file);

    JsonNode root = MAPPER.readTree(Files.readString(file));
    assertThat(root.get("schema_version").intValue()).isEqualTo(Report.SCHEMA_VERSION);
    assertThat(root.get("mode").textValue()).isEqualTo("quick");
    JsonNode env = root.get("environment");
    assertThat(env.get("cores").intValue()).isEqualTo(2);
    assertThat(env.at("/jdk/version").textValue()).isEqualTo("21.0.5+11");
    assertThat(env.at("/jdk/vendor").textValue()).isEqualTo("Eclipse Adoptium");
    assertThat(env.at("/os/name").textValue()).isEqualTo("Linux");
    assertThat(env.get("heap_max_bytes").longValue()).isEqualTo(1L << 30);
    assertThat(env.get("command").get(0).textValue()).isEqualTo("--quick");

    JsonNode demo = root.at("/scenarios/demo");
    assertThat(demo.get("description").textValue()).isEqualTo("a demonstration");
    assertThat(demo.get("duration_seconds").doubleValue()).isEqualTo(3.1);
    assertThat(demo.at("/parameters/input_bytes").intValue()).isEqualTo(1024);
    assertThat(demo.get("notes").get(0).textValue()).isEqualTo("a note");

    JsonNode task = demo.get("figures").get("demo.task.us_per_state");
    assertThat(keys(task))
        .containsExactly(
            "value",
            "unit",
            "median",
            "p99",
            "samples",
            "target",
            "target_op",
            "meets_target",
            "description");
    assertThat(task.get("value").doubleValue()).isEqualTo(12.5);
    assertThat(task.get("samples").longValue()).isEqualTo(1000);
    assertThat(task.get("target").doubleValue()).isEqualTo(20.0);
    assertThat(task.get("target_op").textValue()).isEqualTo("<=");
    assertThat(task.get("meets_target").booleanValue()).isTrue();

    assertThat(demo.at("/figures/demo.slow.us_per_state/meets_target").booleanValue()).isFalse();
    assertThat(demo.at("/figures/demo.speed.ratio/target_op").textValue()).isEqualTo(">=");
    assertThat(demo.at("/figures/demo.speed.ratio/meets_target").booleanValue()).isFalse();
    JsonNode ratio = demo.at("/figures/demo.a_over_b.ratio");
    assertThat(ratio.has("target")).isFalse();
    assertThat(ratio.has("meets_target")).isFalse();

    assertThat(ReportJson.problems(root)).isEmpty();
    assertThat(ReportJson.read(file)).isEqualTo(root);
  }

  private static List<String> keys(JsonNode node) {
    return node.properties().stream().map(Map.Entry::getKey).toList();
  }

  @Test
  void keepsScenariosAndFiguresInTheOrderTheyRan() {
    ObjectNode root = ReportJson.toJson(report());
    assertThat(keys(root.at("/scenarios/demo/figures")))
        .containsExactly(
            "demo.task.us_per_state",
            "demo.slow.us_per_state",
            "demo.a_over_b.ratio",
            "demo.speed.ratio");
  }

  @Test
  void namesEveryShapeProblemWithItsPointer() {
    ObjectNode root = ReportJson.toJson(report());
    root.put("schema_version", 7);
    root.put("mode", "fast");
    ((ObjectNode) root.get("environment")).remove("cores");
    ((ObjectNode) root.at("/environment/jdk")).put("vendor", 3);
    ObjectNode task = (ObjectNode) root.at("/scenarios/demo/figures/demo.task.us_per_state");
    task.remove("unit");
    task.put("value", "fast");
    task.put("p99", "high");
    ObjectNode slow = (ObjectNode) root.at("/scenarios/demo/figures/demo.slow.us_per_state");
    slow.put("meets_target", true);
    ObjectNode ratio = (ObjectNode) root.at("/scenarios/demo/figures/demo.a_over_b.ratio");
    ratio.put("target_op", "<");
    ratio.put("target", 2);
    ((ObjectNode) root.at("/scenarios/demo/figures")).set("other.x.us", task.deepCopy());
    ((ObjectNode) root.at("/scenarios/demo")).remove("notes");

    assertThat(ReportJson.problems(root))
        .containsExactlyInAnyOrder(
            "/schema_version: expected 1, found number 7",
            "/mode: expected \"quick\" or \"full\", found string \"fast\"",
            "/environment/cores: expected a number, found nothing",
            "/environment/jdk/vendor: expected a string, found number 3",
            "/scenarios/demo/notes: expected an array of strings, found nothing",
            "/scenarios/demo/figures/demo.task.us_per_state/value: expected a number, found string"
                + " \"fast\"",
            "/scenarios/demo/figures/demo.task.us_per_state/unit: expected a string, found nothing",
            "/scenarios/demo/figures/demo.task.us_per_state/p99: a statistic must be a number,"
                + " found string \"high\"",
            "/scenarios/demo/figures/demo.slow.us_per_state/meets_target: true contradicts value"
                + " 60.0 against target <= 50",
            "/scenarios/demo/figures/demo.a_over_b.ratio/target_op: expected \"<=\" or \">=\","
                + " found string \"<\"",
            "/scenarios/demo/figures/other.x.us: a figure name is 'demo.' followed by dotted"
                + " lower-case words",
            "/scenarios/demo/figures/other.x.us/value: expected a number, found string \"fast\"",
            "/scenarios/demo/figures/other.x.us/unit: expected a string, found nothing",
            "/scenarios/demo/figures/other.x.us/p99: a statistic must be a number, found string"
                + " \"high\"");
  }

  @Test
  void refusesSomethingThatIsNotAReport() throws Exception {
    assertThat(ReportJson.problems(MAPPER.readTree("[1, 2]")))
        .containsExactly("/: the report is not a JSON object");
    assertThat(ReportJson.problems(MAPPER.readTree("{}")))
        .contains(
            "/environment: expected an object, found nothing",
            "/scenarios: expected an object, found nothing");
  }

  @Test
  void figuresRefuseBadNamesValuesAndStatistics() {
    assertThatThrownBy(() -> Figure.of("Pass", 1, "us", "d"))
        .hasMessageContaining("dotted lower-case words");
    assertThatThrownBy(() -> Figure.of("demo.x.us", Double.NaN, "us", "d"))
        .hasMessageContaining("not a finite number");
    assertThatThrownBy(() -> Figure.of("demo.x.us", 1, " ", "d")).hasMessageContaining("no unit");
    assertThatThrownBy(() -> new Figure("demo.x.us", 1, "us", Map.of("target", 3), null, "d"))
        .hasMessageContaining("statistic named 'target'");
    assertThatThrownBy(() -> new Figure("demo.x.us", 1, "us", Map.of("p99", Double.NaN), null, "d"))
        .hasMessageContaining("'p99' of 'demo.x.us' is not a finite number");
  }

  @Test
  void scenarioReportsRefuseFiguresOfAnotherScenarioOrTwice() {
    Figure f = Figure.of("demo.x.us", 1, "us", "d");
    assertThatThrownBy(() -> new ScenarioReport("other", "d", Map.of(), List.of(f), List.of(), 0))
        .hasMessageContaining("must start with 'other.'");
    assertThatThrownBy(() -> new ScenarioReport("demo", "d", Map.of(), List.of(f, f), List.of(), 0))
        .hasMessageContaining("reported twice");
  }

  @Test
  void targetsCompareInTheirDirection() {
    assertThat(Target.atMost(20).isMetBy(20)).isTrue();
    assertThat(Target.atMost(20).isMetBy(20.01)).isFalse();
    assertThat(Target.atLeast(0.95).isMetBy(0.95)).isTrue();
    assertThat(Target.atLeast(0.95).isMetBy(0.9)).isFalse();
    assertThat(Target.atMost(20).isMetBy(Double.NaN)).isFalse();
    assertThat(Target.Op.ofSymbol(">=")).isEqualTo(Target.Op.AT_LEAST);
    assertThatThrownBy(() -> Target.Op.ofSymbol("<")).hasMessageContaining("<= or >=");
  }

  @Test
  void formatsNumbersForTheTable() {
    assertThat(Figure.format(20)).isEqualTo("20");
    assertThat(Figure.format(1234.56)).isEqualTo("1235");
    assertThat(Figure.format(12.345)).isEqualTo("12.3");
    assertThat(Figure.format(3.14159)).isEqualTo("3.14");
    assertThat(Figure.format(0.12345)).isEqualTo("0.123");
  }

  @Test
  void describesThisMachine() {
    Environment env = Environment.current(List.of("--quick", "state_cost"));
    assertThat(env.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(env.jdkVersion()).startsWith(String.valueOf(Runtime.version().feature()));
    assertThat(env.heapMaxBytes()).isEqualTo(Runtime.getRuntime().maxMemory());
    assertThat(env.command()).containsExactly("--quick", "state_cost");
    assertThat(ReportJson.problems(ReportJson.toJson(new Report(env, "full", List.of()))))
        .isEmpty();
  }
}
