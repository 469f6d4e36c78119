package io.statecraft.asl.dataflow;

import static io.statecraft.asl.testing.Fakes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.error.AslFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableScopeTest {

  @Test
  void assignsAllValuesAtOnceAndKeepsTheOldScopeUnchanged() {
    VariableScope before = VariableScope.empty().assign(json("{\"a\":1}"), "S");
    VariableScope after = before.assign(json("{\"a\":2,\"b\":null}"), "S");
    assertThat(before.get("a")).isEqualTo(json("1"));
    assertThat(after.get("a")).isEqualTo(json("2"));
    assertThat(after.get("b").isNull()).isTrue();
    assertThat(after.get("c")).isNull();
    assertThat(List.copyOf(after.own().keySet())).containsExactly("a", "b");
  }

  @Test
  void innerScopesReadOuterVariablesButCannotAssignThem() {
    VariableScope outer = VariableScope.empty().assign(json("{\"x\":42}"), "Outer");
    VariableScope inner = outer.inner();
    assertThat(inner.get("x")).isEqualTo(json("42"));
    VariableScope withOwn = inner.assign(json("{\"y\":1}"), "Inner");
    assertThat(withOwn.get("y")).isEqualTo(json("1"));
    assertThat(outer.get("y")).isNull();
    assertThatThrownBy(() -> inner.assign(json("{\"x\":0}"), "Inner"))
        .isInstanceOfSatisfying(
            AslFailure.class,
            f -> {
              assertThat(f.error()).isEqualTo("States.Runtime");
              assertThat(f.cause()).contains("'x'").contains("outer scope");
            });
  }

  @Test
  void aScopeWithoutOuterVariablesSeesNone() {
    assertThat(VariableScope.of(Map.of(), Map.of()).get("x")).isNull();
  }

  @Test
  void oneVariableMayHoldAtMost256KiB() {
    ObjectNode big = JsonNodeFactory.instance.objectNode();
    big.put("v", "x".repeat(256 * 1024));
    assertThatThrownBy(() -> VariableScope.empty().assign(big, "S"))
        .isInstanceOfSatisfying(
            AslFailure.class, f -> assertThat(f.error()).isEqualTo("States.DataLimitExceeded"));
  }

  @Test
  void oneAssignMayHoldAtMost256KiB() {
    ObjectNode two = JsonNodeFactory.instance.objectNode();
    two.put("a", "x".repeat(150 * 1024));
    two.put("b", "x".repeat(150 * 1024));
    assertThatThrownBy(() -> VariableScope.empty().assign(two, "S"))
        .hasMessageContaining("one Assign");
  }

  @Test
  void allVariablesOfAnExecutionMayHoldAtMost10MiB() {
    VariableScope scope = VariableScope.empty();
    for (int i = 0; i < 40; i++) {
      ObjectNode one = JsonNodeFactory.instance.objectNode();
      one.put("v" + i, "x".repeat(250 * 1024));
      scope = scope.assign(one, "S");
    }
    VariableScope full = scope;
    ObjectNode more = JsonNodeFactory.instance.objectNode();
    more.put("last", "x".repeat(250 * 1024));
    assertThatThrownBy(() -> full.assign(more, "S")).hasMessageContaining("10485760");
    // Reassigning a variable replaces its size rather than adding to it.
    ObjectNode again = JsonNodeFactory.instance.objectNode();
    again.put("v0", "x".repeat(250 * 1024));
    assertThat(full.assign(again, "S").own()).hasSize(40);
  }

  @Test
  void assignMustBeAnObject() {
    assertThatThrownBy(() -> VariableScope.empty().assign(json("[1]"), "S"))
        .isInstanceOf(AslFailure.class);
  }
}
