package io.statecraft.asl.expr.intrinsic;

import static io.statecraft.asl.expr.jsonpath.Fixtures.FIXED_UUID;
import static io.statecraft.asl.expr.jsonpath.Fixtures.eval;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UniqueIdFunctionsTest {

  @Test
  void uuidComesFromTheEntropyPort() {
    assertThat(eval("States.UUID()", "{}").textValue()).isEqualTo(FIXED_UUID.toString());
  }
}
