package io.statecraft.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.asl.Asl;
import io.statecraft.bench.Mode;
import org.junit.jupiter.api.Test;

class DefinitionsTest {

  @Test
  void theMapDefinitionsAreValidAndTheirLargestInputFitsAwssPayloadLimit() {
    for (String kind : MapScaleScenario.KINDS) {
      assertThat(Asl.validate(MapScaleScenario.definition(kind)).ok()).as(kind).isTrue();
    }
    assertThat(MapScaleScenario.definition("distributed")).contains("\"DISTRIBUTED\"");
    assertThat(MapScaleScenario.definition("inline")).contains("\"INLINE\"");
    String input = MapScaleScenario.input(MapScaleScenario.items(Mode.FULL));
    assertThat(input.length()).isLessThan(256 * 1024);
    assertThat(input).startsWith("{\"items\":[0,0,").endsWith(",0]}");
    assertThat(MapScaleScenario.items(Mode.FULL)).isEqualTo(100_000);
  }

  @Test
  void theLoopAndTheParkedDefinitionsAreValid() {
    assertThat(Asl.validate(LongLoopScenario.DEFINITION).ok()).isTrue();
    assertThat(Asl.validate(IdleExecutionsScenario.DEFINITION).ok()).isTrue();
    assertThat(LongLoopScenario.iterations(Mode.FULL)).isEqualTo(100_000);
    assertThat(LongLoopScenario.iterations(Mode.QUICK)).isEqualTo(10_000);
  }
}
