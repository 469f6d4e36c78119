package io.statecraft.asl.expr.jsonata;

import static io.statecraft.asl.expr.jsonata.Scopes.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.statecraft.asl.expr.EvaluationScope;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Everything an expression can observe comes from its scope: the same scope, the same values. */
class DeterminismTest {

  private static final String RANDOMNESS =
      "{\"u\":\"{% $uuid() %}\",\"r\":\"{% $random() %}\",\"s\":\"{% $shuffle([1,2,3,4,5,6,7,8])"
          + " %}\",\"now\":\"{% $now() %}\",\"m\":\"{% $millis() %}\",\"local\":\"{%"
          + " $now('[H01]:[m01]', '+0100') %}\",\"again\":\"{% $now() %}\"}";

  private static EvaluationScope scope(long seed, Instant now) {
    return new EvaluationScope(
        json("{}"),
        json("{}"),
        name -> null,
        Scopes.clock(now),
        Scopes.entropy(seed),
        MissingNode.getInstance(),
        MissingNode.getInstance());
  }

  @Test
  void theSameClockAndEntropyGiveTheSameValues() throws Exception {
    JsonataTemplate t = JsonataCompiler.template(json(RANDOMNESS), "Output");
    Instant when = Instant.parse("2001-02-03T04:05:06.789Z");
    JsonNode first = t.evaluate(scope(7, when));
    JsonNode second = t.evaluate(scope(7, when));
    assertThat(second).isEqualTo(first);
    assertThat(first.get("now").asText()).isEqualTo("2001-02-03T04:05:06.789Z");
    assertThat(first.get("again")).isEqualTo(first.get("now"));
    assertThat(first.get("m").asLong()).isEqualTo(when.toEpochMilli());
    assertThat(first.get("local").asText()).isEqualTo("05:05");
    assertThat(first.get("s")).hasSize(8);
  }

  @Test
  void otherEntropyGivesOtherValues() throws Exception {
    JsonataTemplate t = JsonataCompiler.template(json(RANDOMNESS), "Output");
    Instant when = Instant.parse("2001-02-03T04:05:06.789Z");
    JsonNode a = t.evaluate(scope(7, when));
    JsonNode b = t.evaluate(scope(8, when));
    assertThat(b.get("u")).isNotEqualTo(a.get("u"));
    assertThat(b.get("r")).isNotEqualTo(a.get("r"));
    assertThat(b.get("now")).isEqualTo(a.get("now"));
  }

  @Test
  void theClockIsThePortsNotTheWallClock() throws Exception {
    JsonataExpression e = JsonataCompiler.expression("$now()", "Output");
    assertThat(e.evaluate(scope(1, Instant.EPOCH)).asText()).isEqualTo("1970-01-01T00:00:00.000Z");
  }

  @Test
  void aTimestampWithoutAnOffsetIsUtcWhateverTheHostsZone() {
    assertThat(JsonataEvaluationTest.eval("$toMillis('2020-01-01T00:00:00')"))
        .isEqualTo(json("1577836800000"));
    assertThat(JsonataEvaluationTest.eval("$toMillis('2020-01-01')"))
        .isEqualTo(json("1577836800000"));
    assertThat(JsonataEvaluationTest.eval("$toMillis('2020-01-01T01:00:00+0100')"))
        .isEqualTo(json("1577836800000"));
    assertThat(JsonataEvaluationTest.eval("$toMillis('2020-01-01T01:00:00.5+01:00')"))
        .isEqualTo(json("1577836800500"));
  }

  @Test
  void evaluatingOnTheCompilingThreadDoesNotAccumulateState() throws Exception {
    JsonataExpression e = JsonataCompiler.expression("$states.input.a + 1", "Output");
    EvaluationScope s = Scopes.scope("{\"a\":1}");
    for (int i = 0; i < 50_000; i++) {
      assertThat(e.evaluate(s).intValue()).isEqualTo(2);
    }
  }

  @Test
  void oneExpressionEvaluatesConcurrentlyFromManyThreads() throws Exception {
    JsonataTemplate t =
        JsonataCompiler.template(
            json("{\"n\":\"{% $states.input.n * 2 %}\",\"v\":\"{% $v & '-' & $uuid() %}\"}"),
            "Output");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int task = 0; task < 8; task++) {
        int id = task;
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2_000; i++) {
                    int n = id * 10_000 + i;
                    EvaluationScope s =
                        Scopes.scope(
                                json("{\"n\":" + n + "}"), Map.of("v", json("\"t" + id + "\"")))
                            .withInput(json("{\"n\":" + n + "}"));
                    JsonNode out = t.evaluate(s);
                    if (out.get("n").asInt() != 2 * n
                        || !out.get("v").asText().startsWith("t" + id + "-")) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** No class of the engine keeps state in a static field that could change. */
  @Test
  void theEngineHasNoMutableStaticState() throws IOException, ClassNotFoundException {
    Path classes = Path.of("target", "classes", "io", "statecraft", "asl", "expr", "jsonata");
    List<String> checked = new ArrayList<>();
    try (Stream<Path> files = Files.list(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = file.getFileName().toString().replace(".class", "");
        Class<?> type = Class.forName("io.statecraft.asl.expr.jsonata." + name);
        for (Field f : type.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
            assertThat(Modifier.isFinal(f.getModifiers()))
                .as("%s.%s is final", name, f.getName())
                .isTrue();
            assertThat(mutableType(f.getType()))
                .as("%s.%s holds no mutable collection", name, f.getName())
                .isFalse();
          }
        }
        checked.add(name);
      }
    }
    assertThat(checked).contains("Builtins", "ErrorMessages", "JsonataCompiler", "Limits");
  }

  private static boolean mutableType(Class<?> type) {
    return type == java.util.HashMap.class
        || type == java.util.ArrayList.class
        || type == java.util.LinkedHashMap.class
        || type == java.util.TreeMap.class
        || type == java.util.HashSet.class
        || type.isArray();
  }
}
