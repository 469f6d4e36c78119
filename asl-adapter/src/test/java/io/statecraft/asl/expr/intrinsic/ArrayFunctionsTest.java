package io.statecraft.asl.expr.intrinsic;

import static io.statecraft.asl.expr.jsonpath.Fixtures.assertJson;
import static io.statecraft.asl.expr.jsonpath.Fixtures.eval;
import static io.statecraft.asl.expr.jsonpath.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.asl.error.AslFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArrayFunctionsTest {

  private static String in(String fst, String snd) {
    return "{\"fst\": " + fst + ", \"snd\": " + snd + "}";
  }

  private static void assertIntrinsicFailure(String call, String input, String causePart) {
    AslFailure f = failure(() -> eval(call, input));
    assertThat(f.error()).isEqualTo("States.IntrinsicFailure");
    assertThat(f.cause()).contains(causePart);
  }

  @Test
  void arrayCollectsItsArgumentsInOrder() {
    assertJson(eval("States.Array($.fst, $.snd)", in("null", "null")), "[null, null]");
    assertJson(
        eval("States.Array($.fst, $.snd)", in("{\"a\": []}", "\"\"")), "[{\"a\": []}, \"\"]");
    assertJson(eval("States.Array()", "{}"), "[]");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[]           | 1   | []",
        "[0, 1]       | 1   | [[0], [1]]",
        "[0, 1]       | 3   | [[0, 1]]",
        "[0, 1, 2, 3] | 2   | [[0, 1], [2, 3]]",
        "[0, 1, 2, 3] | 3   | [[0, 1, 2], [3]]",
        "[0, 1, 2, 3] | 5   | [[0, 1, 2, 3]]",
        "[0, 1, 2]    | 1.5 | [[0, 1], [2]]",
        "[0, 1, 2]    | 0.5 | [[0], [1], [2]]"
      })
  void partitionChunksTheArray(String array, String size, String expected) {
    // Recorded against AWS: intrinsic_functions.test_array.test_array_partition.
    assertJson(eval("States.ArrayPartition($.fst, $.snd)", in(array, size)), expected);
  }

  @Test
  void partitionRejectsNonArraysAndNonPositiveSizes() {
    assertIntrinsicFailure(
        "States.ArrayPartition($.fst, $.snd)", in("{}", "1"), "expected an array");
    assertIntrinsicFailure("States.ArrayPartition($.fst, $.snd)", in("[1]", "0"), "positive");
    assertIntrinsicFailure("States.ArrayPartition($.fst, $.snd)", in("[1]", "-2"), "positive");
    assertIntrinsicFailure("States.ArrayPartition($.fst, $.snd)", in("[1]", "0.4"), "positive");
    assertIntrinsicFailure("States.ArrayPartition($.fst, $.snd)", in("[1]", "\"2\""), "a number");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "[]                | null           | false",
        "[]                | 1              | false",
        "[[1, 2, 3], 2]    | null           | false",
        "[[1, 2, 3], 2]    | [1, 2, 3]      | true",
        "[{'1': 2, '2': []}] | {'2': [], '1': 2} | true",
        "[true, false]     | true           | true",
        "[true, false]     | false          | true",
        "[1, 2]            | 2.0            | true",
        "['1']             | 1              | false"
      })
  void containsComparesJsonValues(String array, String value, String expected) {
    // Recorded against AWS: intrinsic_functions.test_array.test_array_contains.
    assertJson(
        eval("States.ArrayContains($.fst, $.snd)", in(array, value).replace('\'', '"')), expected);
  }

  @Test
  void containsRejectsNonArrays() {
    assertIntrinsicFailure("States.ArrayContains($.fst, $.snd)", in("\"abc\"", "\"a\""), "array");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0, 9, 3     | [0, 3, 6, 9]",
        "0, 10, 3    | [0, 3, 6, 9]",
        "1, 9, 9     | [1]",
        "1, 9, 2     | [1, 3, 5, 7, 9]",
        "9, 0, -3    | [9, 6, 3, 0]",
        "5, 5, 1     | [5]",
        "0, 9, -1    | []",
        "0.6, 2.4, 1 | [1, 2]",
        "0, 999, 1   | null"
      })
  void rangeCountsFromFirstToLastByStep(String args, String expected) {
    // Recorded against AWS: intrinsic_functions.test_array.test_array_range.
    String call = "States.ArrayRange(" + args + ")";
    if (expected.equals("null")) {
      assertThat(eval(call, "{}").size()).isEqualTo(1000);
    } else {
      assertJson(eval(call, "{}"), expected);
    }
  }

  @Test
  void rangeRejectsZeroStepsAndMoreThanAThousandItems() {
    String input = "{\"a\": 0, \"b\": 1000, \"s\": 1, \"z\": 0}";
    assertIntrinsicFailure("States.ArrayRange($.a, $.b, $.s)", input, "1001 items");
    assertIntrinsicFailure("States.ArrayRange($.a, $.b, $.z)", input, "step must not be zero");
    assertIntrinsicFailure(
        "States.ArrayRange($.a, $.b, $.x)", "{\"a\": 0, \"b\": 1, \"x\": \"1\"}", "a number");
  }

  @Test
  void getItemReturnsTheItemAtAnIndex() {
    // Recorded against AWS: intrinsic_functions.test_array.test_array_get_item.
    assertJson(eval("States.ArrayGetItem($.fst, $.snd)", in("[1,2,3,4,5,6,7,8,9]", "5")), "6");
    assertJson(
        eval("States.ArrayGetItem($.fst, $.snd)", in("[[1], {\"a\": 2}]", "1.0")), "{\"a\": 2}");
  }

  @Test
  void getItemRejectsIndexesOutsideTheArray() {
    String call = "States.ArrayGetItem($.fst, $.snd)";
    assertIntrinsicFailure(call, in("[1, 2]", "2"), "index 2 is out of bounds");
    assertIntrinsicFailure(call, in("[1, 2]", "-1"), "must not be negative");
    assertIntrinsicFailure(call, in("[1, 2]", "0.5"), "must be an integer");
    assertIntrinsicFailure(call, in("{}", "0"), "expected an array");
  }

  @Test
  void lengthCountsItems() {
    assertJson(eval("States.ArrayLength($.fst)", in("[1,2,3,4,5,6,7,8,9]", "0")), "9");
    assertJson(eval("States.ArrayLength($.fst)", in("[]", "0")), "0");
    assertIntrinsicFailure("States.ArrayLength($.fst)", in("\"abc\"", "0"), "expected an array");
  }

  @Test
  void uniqueKeepsTheFirstOfEachValue() {
    assertJson(
        eval(
            "States.ArrayUnique($.fst)",
            in(
                "[null, null, true, true, false, 1, 1, 1.0, 1.1, 0, -0, \"HelloWorld\","
                    + " \"HelloWorld\", [], [], [null], [null], {\"a\": 1, \"b\": 2},"
                    + " {\"b\": 2, \"a\": 1}, {\"a\": 1, \"b\": 1}]",
                "0")),
        "[null, true, false, 1, 1.1, 0, \"HelloWorld\", [], [null], {\"a\": 1, \"b\": 2},"
            + " {\"a\": 1, \"b\": 1}]");
    assertJson(eval("States.ArrayUnique($.fst)", in("[1,2,3,3,3,3,3,3,4]", "0")), "[1,2,3,4]");
    assertIntrinsicFailure("States.ArrayUnique($.fst)", in("{}", "0"), "expected an array");
  }
}
