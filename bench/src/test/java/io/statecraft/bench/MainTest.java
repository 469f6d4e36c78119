package io.statecraft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(List<Scenario> scenarios, String... args) {
    return Main.run(
        new ArrayList<>(List.of(args)),
        scenarios,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void runsPrintsATableWritesTheReportAndPassesItsOwnCheck() throws Exception {
    FakeScenario alpha = FakeScenario.good("alpha");
    Path file = dir.resolve("report.json");

    assertThat(run(List.of(alpha), "--quick", "--out", file.toString())).isEqualTo(Main.OK);

    assertThat(alpha.ranIn).isEqualTo(Mode.QUICK);
    assertThat(out())
        .contains("alpha.thing.us_per_state", "<= 20", "yes", "report: " + file)
        .containsPattern("alpha\\.thing\\.ratio +0\\.500 +ratio");
    JsonNode report = new ObjectMapper().readTree(file.toFile());
    assertThat(report.get("mode").textValue()).isEqualTo("quick");
    assertThat(report.at("/environment/command/0").textValue()).isEqualTo("--quick");
    assertThat(
            report.at("/scenarios/alpha/figures/alpha.thing.us_per_state/meets_target").asBoolean())
        .isTrue();
    assertThat(report.at("/scenarios/alpha/duration_seconds").isNumber()).isTrue();

    out.reset();
    assertThat(run(List.of(alpha), "--check", file.toString())).isEqualTo(Main.OK);
    assertThat(out()).contains("all 2 figures of 1 scenario(s)");
  }

  @Test
  void theCheckNamesEveryMissingScenarioAndFigure() throws Exception {
    FakeScenario alpha = FakeScenario.good("alpha");
    Path file = dir.resolve("report.json");
    assertThat(run(List.of(alpha), "--out", file.toString())).isEqualTo(Main.OK);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode report = (ObjectNode) mapper.readTree(file.toFile());
    ((ObjectNode) report.at("/scenarios/alpha/figures")).remove("alpha.thing.ratio");
    Files.writeString(file, mapper.writeValueAsString(report));

    List<Scenario> both = List.of(alpha, FakeScenario.good("beta"));
    assertThat(run(both, "--check", file.toString())).isEqualTo(Main.FAILED);

    assertThat(err())
        .contains("2 problem(s)")
        .contains("/scenarios/alpha/figures: the figure 'alpha.thing.ratio' is missing")
        .contains("/scenarios/beta: the scenario is missing from the report");
    err.reset();
    assertThat(run(both, "--check", file.toString(), "beta")).isEqualTo(Main.FAILED);
    assertThat(err()).contains("1 problem(s)").doesNotContain("alpha.thing.ratio");
  }

  @Test
  void theCheckRefusesAFigureTheScenarioDoesNotDeclare() throws Exception {
    Path file = dir.resolve("report.json");
    assertThat(run(List.of(FakeScenario.good("alpha")), "--out", file.toString()))
        .isEqualTo(Main.OK);
    FakeScenario narrower =
        new FakeScenario("alpha", List.of("alpha.thing.ratio"), List.of(), null);
    assertThat(run(List.of(narrower), "--check", file.toString())).isEqualTo(Main.FAILED);
    assertThat(err())
        .contains("the figure 'alpha.thing.us_per_state' is not one the scenario declares");
  }

  @Test
  void theCheckSaysWhenItCannotReadTheReport() {
    Path missing = dir.resolve("absent.json");
    assertThat(run(List.of(FakeScenario.good("alpha")), "--check", missing.toString()))
        .isEqualTo(Main.FAILED);
    assertThat(err()).contains("cannot read the report " + missing);
  }

  @Test
  void aFailingScenarioFailsTheRunButTheOthersAreStillReported() throws Exception {
    FakeScenario broken =
        new FakeScenario(
            "broken", List.of("broken.x.us"), List.of(), new IllegalStateException("no engine"));
    FakeScenario alpha = FakeScenario.good("alpha");
    Path file = dir.resolve("report.json");

    assertThat(run(List.of(broken, alpha), "--out", file.toString())).isEqualTo(Main.FAILED);

    assertThat(err())
        .contains("the scenario broken failed: java.lang.IllegalStateException: no engine")
        .contains("failed: broken");
    JsonNode report = new ObjectMapper().readTree(file.toFile());
    assertThat(report.at("/scenarios/alpha").isObject()).isTrue();
    assertThat(report.at("/scenarios/broken").isMissingNode()).isTrue();
  }

  @Test
  void aScenarioMustReportExactlyTheFiguresItDeclares() {
    FakeScenario sloppy =
        new FakeScenario(
            "sloppy", List.of("sloppy.a.us", "sloppy.b.us"), List.of("sloppy.a.us"), null);
    assertThat(run(List.of(sloppy), "--out", dir.resolve("r.json").toString()))
        .isEqualTo(Main.FAILED);
    assertThat(err())
        .contains("declares the figures [sloppy.a.us, sloppy.b.us] but reported [sloppy.a.us]");
  }

  @Test
  void aBadCommandLineIsAUsageErrorWithStatusTwo() {
    assertThat(run(List.of(FakeScenario.good("alpha")), "--quick", "nope")).isEqualTo(Main.USAGE);
    assertThat(err())
        .startsWith("statecraft-bench: unknown scenario 'nope'; the scenarios are: alpha")
        .contains("usage: java -jar bench/target/statecraft-bench.jar");
    assertThat(out()).isEmpty();
  }

  @Test
  void listsTheScenariosAndTheirFigures() {
    assertThat(run(List.of(FakeScenario.good("alpha")), "--list")).isEqualTo(Main.OK);
    assertThat(out())
        .contains("alpha: a fake alpha (about 1 s quick, 10 s full)")
        .contains("  alpha.thing.us_per_state");
  }

  @Test
  void helpGoesToStandardOutput() {
    assertThat(run(List.of(), "--help")).isEqualTo(Main.OK);
    assertThat(out()).contains("--check FILE");
  }

  @Test
  void theDefaultReportIsInTheModulesTargetDirectory() {
    // Tested, Main is in bench/target/classes; packaged, in bench/target/statecraft-bench.jar.
    assertThat(Main.defaultReport().getFileName().toString()).isEqualTo("bench-report.json");
    assertThat(Main.defaultReport().getParent().getFileName().toString()).isEqualTo("target");
  }

  @Test
  void everyRegisteredScenarioHasAUniqueNameAndWellFormedFigures() {
    List<String> names = Scenarios.ALL.stream().map(Scenario::name).toList();
    assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z][a-z0-9_]*"));
    for (Scenario s : Scenarios.ALL) {
      assertThat(s.figureNames())
          .isNotEmpty()
          .doesNotHaveDuplicates()
          .allMatch(f -> f.startsWith(s.name() + "."))
          .allMatch(f -> io.statecraft.bench.report.Figure.NAME.matcher(f).matches());
      assertThat(Scenarios.named(s.name())).contains(s);
    }
  }
}
