package io.statecraft.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {

  private final List<Scenario> known =
      List.of(FakeScenario.good("alpha"), FakeScenario.good("beta"));

  private CommandLine parse(String... args) throws UsageException {
    return CommandLine.parse(List.of(args), known);
  }

  @Test
  void runsEveryScenarioInFullModeByDefault() throws Exception {
    CommandLine cmd = parse();
    assertThat(cmd.action()).isEqualTo(CommandLine.Action.RUN);
    assertThat(cmd.mode()).isEqualTo(Mode.FULL);
    assertThat(cmd.out()).isNull();
    assertThat(cmd.scenarios()).extracting(Scenario::name).containsExactly("alpha", "beta");
  }

  @Test
  void runsTheNamedScenariosOnceInRegistrationOrder() throws Exception {
    CommandLine cmd = parse("--quick", "beta", "alpha", "beta", "--out", "x.json", "--verbose");
    assertThat(cmd.mode()).isEqualTo(Mode.QUICK);
    assertThat(cmd.out()).isEqualTo(Path.of("x.json"));
    assertThat(cmd.verbose()).isTrue();
    assertThat(cmd.scenarios()).extracting(Scenario::name).containsExactly("alpha", "beta");
  }

  @Test
  void acceptsOptionValuesAfterAnEqualsSign() throws Exception {
    assertThat(parse("--out=r.json").out()).isEqualTo(Path.of("r.json"));
    CommandLine check = parse("--check=r.json", "beta");
    assertThat(check.action()).isEqualTo(CommandLine.Action.CHECK);
    assertThat(check.check()).isEqualTo(Path.of("r.json"));
    assertThat(check.scenarios()).extracting(Scenario::name).containsExactly("beta");
  }

  @Test
  void listsAndHelps() throws Exception {
    assertThat(parse("--list").action()).isEqualTo(CommandLine.Action.LIST);
    assertThat(parse("--help").action()).isEqualTo(CommandLine.Action.HELP);
    assertThat(parse("-h").action()).isEqualTo(CommandLine.Action.HELP);
  }

  @Test
  void refusesWhatItDoesNotKnowNamingIt() {
    assertThatThrownBy(() -> parse("gamma"))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown scenario 'gamma'; the scenarios are: alpha, beta");
    assertThatThrownBy(() -> parse("--fast")).hasMessage("unknown option '--fast'");
    assertThatThrownBy(() -> parse("-q")).hasMessage("unknown option '-q'");
  }

  @Test
  void refusesOptionsWithoutTheirValueOrWithOneTheyDoNotTake() {
    assertThatThrownBy(() -> parse("--out")).hasMessage("--out needs a file name after it");
    assertThatThrownBy(() -> parse("--out", "--quick"))
        .hasMessage("--out needs a file name after it");
    assertThatThrownBy(() -> parse("--out=")).hasMessage("--out needs a file name after it");
    assertThatThrownBy(() -> parse("--check")).hasMessage("--check needs a file name after it");
    assertThatThrownBy(() -> parse("--quick=yes")).hasMessage("--quick takes no value");
    assertThatThrownBy(() -> parse("--out", "a", "--out", "b")).hasMessage("--out is given twice");
  }

  @Test
  void refusesContradictions() {
    assertThatThrownBy(() -> parse("--quick", "--full"))
        .hasMessage("--quick and --full cannot be used together");
    assertThatThrownBy(() -> parse("--check", "r.json", "--quick"))
        .hasMessageContaining("--check runs nothing");
    assertThatThrownBy(() -> parse("--list", "alpha"))
        .hasMessage("--list and --help take nothing else");
    assertThatThrownBy(() -> parse("--list", "--check", "r.json"))
        .hasMessageContaining("cannot be combined");
  }
}
