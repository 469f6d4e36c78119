package io.statecraft.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.activities.ActivityId.ScopeSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityIdTest {

  @Test
  void formatsTopLevelFirstAttemptWithoutSuffix() {
    assertThat(ActivityId.of("ValidateOrder", 1).format()).isEqualTo("ValidateOrder#1");
  }

  @Test
  void formatsNestedScopesAndInterpreterAttempt() {
    ActivityId id = new ActivityId(List.of(new ScopeSegment("ProcessItems", 3)), "Charge", 1, 2);
    assertThat(id.format()).isEqualTo("ProcessItems[3]/Charge#1@2");
    assertThat(id.invocationId()).isEqualTo("ProcessItems[3]/Charge#1");
    assertThat(id.scopePath()).isEqualTo("ProcessItems[3]/");
  }

  @Test
  void parsesTheDocumentedExamples() {
    assertThat(ActivityId.parse("ValidateOrder#1")).isEqualTo(ActivityId.of("ValidateOrder", 1));
    ActivityId nested = ActivityId.parse("Outer[0]/ProcessItems[3]/Charge#7@2");
    assertThat(nested.scope())
        .containsExactly(new ScopeSegment("Outer", 0), new ScopeSegment("ProcessItems", 3));
    assertThat(nested.stateName()).isEqualTo("Charge");
    assertThat(nested.visit()).isEqualTo(7);
    assertThat(nested.attempt()).isEqualTo(2);
  }

  @Test
  void escapesOnlyTheCharactersWithAMeaningInTheFormat() {
    ActivityId id =
        new ActivityId(List.of(new ScopeSegment("Map [a]/b", 0)), "Pay #1 @home 100%", 2, 1);
    assertThat(id.format()).isEqualTo("Map %5Ba%5D%2Fb[0]/Pay %231 %40home 100%25#2");
    assertThat(ActivityId.parse(id.format())).isEqualTo(id);
  }

  @Test
  void keepsNonAsciiAndWhitespaceAsTheyAre() {
    ActivityId id = ActivityId.of("Überprüfen der Bestellung ✓", 1);
    assertThat(id.format()).isEqualTo("Überprüfen der Bestellung ✓#1");
  }

  @Test
  void idempotencyKeyLeavesTheAttemptOut() {
    ActivityId first = ActivityId.parse("ProcessItems[3]/Charge#1");
    ActivityId retry = first.withAttempt(4);
    assertThat(retry.idempotencyKey("orders/exec-42"))
        .isEqualTo(first.idempotencyKey("orders/exec-42"))
        .isEqualTo("orders/exec-42/ProcessItems[3]/Charge#1");
    assertThat(ActivityId.parse("ProcessItems[3]/Charge#2").idempotencyKey("orders/exec-42"))
        .isNotEqualTo(first.idempotencyKey("orders/exec-42"));
  }

  @Test
  void rejectsTextInAnotherFormatNamingTheProblem() {
    assertThatThrownBy(() -> ActivityId.parse("a1b2c3d4-uuid"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no '#<visit>'");
    assertThatThrownBy(() -> ActivityId.parse("Charge#0"))
        .hasMessageContaining("visit must be 1 or more");
    assertThatThrownBy(() -> ActivityId.parse("Charge#01"))
        .hasMessageContaining("without leading zeros");
    assertThatThrownBy(() -> ActivityId.parse("Charge#1@1"))
        .hasMessageContaining("first attempt is written without '@1'");
    assertThatThrownBy(() -> ActivityId.parse("Charge#1@x"))
        .hasMessageContaining("attempt must be a decimal number");
    assertThatThrownBy(() -> ActivityId.parse("#1")).hasMessageContaining("state name is empty");
    assertThatThrownBy(() -> ActivityId.parse("Map/Charge#1"))
        .hasMessageContaining("scope segment must look like");
    assertThatThrownBy(() -> ActivityId.parse("Map[01]/Charge#1"))
        .hasMessageContaining("without leading zeros");
    assertThatThrownBy(() -> ActivityId.parse("Pay%41#1"))
        .hasMessageContaining("'%41' is not one of");
    assertThatThrownBy(() -> ActivityId.parse("Pay%2#1"))
        .hasMessageContaining("followed by two hex digits");
    assertThatThrownBy(() -> ActivityId.parse("Pay@x#1"))
        .hasMessageContaining("must be written percent-encoded");
    assertThatThrownBy(() -> ActivityId.parse("Charge#9999999999"))
        .hasMessageContaining("too large");
  }

  @Test
  void tryParseIsEmptyForForeignIds() {
    assertThat(ActivityId.tryParse("1")).isEmpty();
    assertThat(ActivityId.tryParse(null)).isEmpty();
    assertThat(ActivityId.tryParse("Charge#1")).contains(ActivityId.of("Charge", 1));
  }

  @Test
  void rejectsInvalidComponents() {
    assertThatThrownBy(() -> ActivityId.of("", 1)).hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> ActivityId.of("A", 0)).hasMessageContaining("Visit must be 1");
    assertThatThrownBy(() -> new ScopeSegment("Map", -1)).hasMessageContaining("0 or more");
    assertThatThrownBy(() -> ActivityId.of("A", 1).withAttempt(0))
        .hasMessageContaining("Attempt must be 1");
  }
}
