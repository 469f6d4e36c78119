package io.statecraft.activities;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.activities.ActivityId.ScopeSegment;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Format and parse over state names made of the characters most likely to confuse a parser. */
class ActivityIdPropertiesTest {

  @Property(tries = 3000)
  void parseInvertsFormat(@ForAll("ids") ActivityId id) {
    assertThat(ActivityId.parse(id.format())).isEqualTo(id);
  }

  @Property(tries = 1000)
  void invocationIdIsTheSameForEveryAttempt(
      @ForAll("ids") ActivityId id, @ForAll("attempts") int attempt) {
    assertThat(id.withAttempt(attempt).invocationId()).isEqualTo(id.invocationId());
    assertThat(id.withAttempt(attempt).idempotencyKey("sm/exec"))
        .isEqualTo(id.idempotencyKey("sm/exec"));
  }

  @Property(tries = 1000)
  void differentInvocationsHaveDifferentIds(
      @ForAll("ids") ActivityId a, @ForAll("ids") ActivityId b) {
    boolean sameInvocation =
        a.scope().equals(b.scope())
            && a.stateName().equals(b.stateName())
            && a.visit() == b.visit();
    assertThat(a.invocationId().equals(b.invocationId())).isEqualTo(sameInvocation);
  }

  @Property(tries = 2000)
  void tryParseNeverThrows(@ForAll("noise") String text) {
    ActivityId.tryParse(text).ifPresent(id -> assertThat(id.format()).isEqualTo(text));
  }

  @Provide
  Arbitrary<ActivityId> ids() {
    Arbitrary<List<ScopeSegment>> scopes =
        Combinators.combine(names(), Arbitraries.integers().between(0, 10_000))
            .as(ScopeSegment::new)
            .list()
            .ofMaxSize(4);
    return Combinators.combine(
            scopes, names(), Arbitraries.integers().between(1, 1_000_000), attempts())
        .as(ActivityId::new);
  }

  @Provide
  Arbitrary<Integer> attempts() {
    return Arbitraries.integers().between(1, 100);
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.strings().withChars("ab#@[]/%0123456789 ").ofMaxLength(24);
  }

  private static Arbitrary<String> names() {
    Arbitrary<String> tricky =
        Arbitraries.strings()
            .withChars("#@[]/%")
            .withChars('a', 'Z', '0', '9', ' ', '\t', 'é', '✓', '-', '_', '.')
            .ofMinLength(1)
            .ofMaxLength(80);
    Arbitrary<String> any = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(80);
    Arbitrary<String> shapes =
        Arbitraries.of("A[1]/B", "Charge#1@2", "%25", "]/", "#", "@", "a/b/c", "[0]", "x%2Fy");
    return Arbitraries.oneOf(tricky, any, shapes);
  }
}
