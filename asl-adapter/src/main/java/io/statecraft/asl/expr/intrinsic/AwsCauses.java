package io.statecraft.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.error.AslFailure;
import io.statecraft.asl.error.StatesError;

/**
 * Every cause text that the JSONPath query language produces at run time: paths, ResultPath,
 * payload templates and the intrinsic functions. Kept in one class so that the wording can be
 * audited against AWS in one place.
 *
 * <p>Each method says where its wording comes from. "Recorded" means a conformance case recorded
 * against AWS shows the exact text; "reported" means a public report of an AWS execution shows it;
 * "ours" means no AWS text was available, so the wording is ours and only the error name follows
 * AWS. The interpreter adds AWS's prefix ({@code An error occurred while executing the state 'X'
 * (entered at the event id #N). }) where AWS has one; the texts here never include it.
 */
public final class AwsCauses {

  private AwsCauses() {}

  // ---------------------------------------------------------------- paths and payload templates

  /**
   * A {@code .$} field (or ErrorPath/CausePath) whose path selects nothing; error {@code
   * States.Runtime}. Recorded: {@code scenarios.test_base_scenarios.test_invalid_jsonpath[...]}
   * (the {@code $}, {@code $$} and CausePath variants). For a {@code $$} path the document quoted
   * is the context object; for {@code $name} it is the variable's value.
   *
   * @param path the path as written
   * @param field the field as written, for example {@code value.$} or {@code CausePath}
   * @param searched the document the path was applied to, quoted as compact JSON
   */
  public static String fieldPathNotFound(String path, String field, JsonNode searched) {
    return "The JSONPath '"
        + path
        + "' specified for the field '"
        + field
        + "' could not be found in the input '"
        + Json.compact(searched)
        + "'";
  }

  /**
   * A path over a variable that no state has assigned. Ours: AWS's text for this case in a JSONPath
   * state is not recorded (its JSONata counterpart says the expression "returned nothing
   * (undefined)").
   */
  public static String undefinedVariable(String path, String field, String variable) {
    return "The JSONPath '"
        + path
        + "' specified for the field '"
        + field
        + "' references the variable '"
        + variable
        + "', which is not defined";
  }

  /**
   * InputPath or OutputPath selecting nothing; error {@code States.Runtime}. Recorded: {@code
   * scenarios.test_base_scenarios.test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_INPUTPATH]} and
   * {@code [...OUTPUTPATH]}: {@code Invalid path '$.NoSuchInputPath' : No results for path:
   * $['NoSuchInputPath']}.
   *
   * @param path the path as written
   * @param normalizedPath the path in bracket notation, for example {@code $['a'][0]}
   */
  public static String invalidPath(String path, String normalizedPath) {
    return "Invalid path '" + path + "' : No results for path: " + normalizedPath;
  }

  /**
   * Any path applied to a state input that is JSON {@code null}; error {@code States.Runtime}.
   * Reported: a public AWS execution whose Task state input was {@code null} failed with this text
   * while evaluating {@code "Input.$": "$"}.
   */
  public static String pathOnNullInput() {
    return "Unable to apply Path transformation to null or empty input.";
  }

  /**
   * A ResultPath that cannot be applied to the state input; error {@code
   * States.ResultPathMatchFailure}. Reported: a public AWS execution shows {@code Unable to apply
   * ReferencePath $.someTaskResult to input "input1"} for a string input. That report names the
   * error {@code States.ReferencePathConflict}; AWS's error reference defines {@code
   * States.ResultPathMatchFailure} for a ResultPath that cannot be applied, which is what we raise.
   */
  public static String resultPathMatchFailure(String resultPath, JsonNode input) {
    return "Unable to apply ReferencePath " + resultPath + " to input " + Json.compact(input);
  }

  /**
   * A path argument of an intrinsic call that selects nothing; error {@code States.Runtime}. Ours:
   * AWS's text for this case is not recorded; the wording follows the field variant.
   */
  public static String argumentPathNotFound(String function, String path, JsonNode searched) {
    return "The JSONPath '"
        + path
        + "' specified as an argument of "
        + function
        + " could not be found in the input '"
        + Json.compact(searched)
        + "'";
  }

  /** A path argument of an intrinsic call over an undefined variable. Ours. */
  public static String argumentUndefinedVariable(String function, String path, String variable) {
    return "The JSONPath '"
        + path
        + "' specified as an argument of "
        + function
        + " references the variable '"
        + variable
        + "', which is not defined";
  }

  // ---------------------------------------------------------------------- intrinsic functions
  // Error States.IntrinsicFailure. The rules come from the AWS developer guide ("Intrinsic
  // functions for JSONPath states"); the wording is ours, as no AWS text is recorded.

  /** An argument of the wrong JSON type. */
  public static String wrongArgumentType(
      String function, int position, String expected, JsonNode actual) {
    return "Invalid argument "
        + position
        + " of "
        + function
        + ": expected "
        + expected
        + " but got "
        + Json.typeName(actual)
        + " "
        + Json.abbreviated(actual);
  }

  /** An argument with the right type but a value outside what the function accepts. */
  public static String invalidArgumentValue(String function, int position, String rule) {
    return "Invalid argument " + position + " of " + function + ": " + rule;
  }

  /** States.Format with a number of arguments that differs from the number of {@code {}}. */
  public static String formatArgumentCount(int placeholders, int arguments) {
    return "States.Format: the format string has "
        + placeholders
        + " placeholder(s) {} but "
        + arguments
        + " argument(s) follow it";
  }

  /** A string literal with a backslash that escapes none of {@code ' { } \}. */
  public static String openEscape(String function, String literal) {
    return function
        + ": the string literal '"
        + literal
        + "' contains a backslash that escapes none of ' { } \\";
  }

  /** States.StringToJson on a string that is not JSON. */
  public static String notJson(String text) {
    return "States.StringToJson: the string is not valid JSON: " + Json.abbreviate(text);
  }

  /** States.Base64Decode on a string that is not Base64. */
  public static String notBase64(String text) {
    return "States.Base64Decode: the string is not valid Base64: " + Json.abbreviate(text);
  }

  /** States.ArrayRange whose result would exceed the limit. */
  public static String arrayRangeTooLong(long size, int limit) {
    return "States.ArrayRange: the range would contain "
        + size
        + " items, more than the limit of "
        + limit;
  }

  /** States.ArrayGetItem with an index outside the array. */
  public static String indexOutOfBounds(long index, int size) {
    return "States.ArrayGetItem: index "
        + index
        + " is out of bounds for an array of length "
        + size;
  }

  /** States.JsonMerge asked for a deep merge. */
  public static String deepMergeUnsupported() {
    return "States.JsonMerge: only shallow merging is supported; the third argument must be false";
  }

  /** Builds the failure for an intrinsic function. */
  static AslFailure intrinsicFailure(String cause) {
    return new AslFailure(StatesError.INTRINSIC_FAILURE, cause);
  }
}
