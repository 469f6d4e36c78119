package io.statecraft.asl.read;

import static io.statecraft.asl.read.Fields.*;

import io.statecraft.asl.model.choice.ComparisonOperator;
import java.util.Arrays;
import java.util.List;

/**
 * Which fields each object of a definition supports, and in which query language. Unknown fields
 * are errors, as on AWS; so is a field of the other query language.
 */
final class Schemas {

  private Schemas() {}

  static final List<String> STATE_TYPES =
      List.of("Task", "Wait", "Pass", "Succeed", "Fail", "Choice", "Parallel", "Map");

  static final List<String> QUERY_LANGUAGES = List.of("JSONPath", "JSONata");

  static final FieldSet STATE_MACHINE =
      FieldSet.builder()
          .any(START_AT, STATES, COMMENT, VERSION, TIMEOUT_SECONDS, QUERY_LANGUAGE)
          .build();

  static final FieldSet BRANCH = FieldSet.builder().any(START_AT, STATES, COMMENT).build();

  static final FieldSet PROCESSOR =
      FieldSet.builder().any(START_AT, STATES, COMMENT, PROCESSOR_CONFIG).build();

  static final FieldSet PROCESSOR_CONFIG_FIELDS =
      FieldSet.builder().any(MODE, EXECUTION_TYPE).build();

  private static final FieldSet STATE =
      FieldSet.builder().any(TYPE, COMMENT, QUERY_LANGUAGE).build();

  static final FieldSet PASS =
      STATE
          .extend()
          .any(NEXT, END, ASSIGN)
          .jsonPath(INPUT_PATH, OUTPUT_PATH, PARAMETERS, RESULT, RESULT_PATH)
          .jsonata(OUTPUT)
          .build();

  static final FieldSet TASK =
      STATE
          .extend()
          .any(NEXT, END, ASSIGN, RESOURCE, RETRY, CATCH, TIMEOUT_SECONDS, HEARTBEAT_SECONDS)
          .any(CREDENTIALS)
          .jsonPath(INPUT_PATH, OUTPUT_PATH, PARAMETERS, RESULT_SELECTOR, RESULT_PATH)
          .jsonPath(TIMEOUT_SECONDS_PATH, HEARTBEAT_SECONDS_PATH)
          .jsonata(ARGUMENTS, OUTPUT)
          .build();

  static final FieldSet CHOICE =
      STATE
          .extend()
          .any(CHOICES, DEFAULT, ASSIGN)
          .jsonPath(INPUT_PATH, OUTPUT_PATH)
          .jsonata(OUTPUT)
          .build();

  static final FieldSet WAIT =
      STATE
          .extend()
          .any(NEXT, END, ASSIGN, SECONDS, TIMESTAMP)
          .jsonPath(INPUT_PATH, OUTPUT_PATH, SECONDS_PATH, TIMESTAMP_PATH)
          .jsonata(OUTPUT)
          .build();

  static final FieldSet SUCCEED =
      STATE.extend().jsonPath(INPUT_PATH, OUTPUT_PATH).jsonata(OUTPUT).build();

  static final FieldSet FAIL =
      STATE.extend().any(ERROR, CAUSE).jsonPath(ERROR_PATH, CAUSE_PATH).build();

  static final FieldSet PARALLEL =
      STATE
          .extend()
          .any(NEXT, END, ASSIGN, BRANCHES, RETRY, CATCH)
          .jsonPath(INPUT_PATH, OUTPUT_PATH, PARAMETERS, RESULT_SELECTOR, RESULT_PATH)
          .jsonata(ARGUMENTS, OUTPUT)
          .build();

  static final FieldSet MAP =
      STATE
          .extend()
          .any(NEXT, END, ASSIGN, RETRY, CATCH, ITEM_PROCESSOR, ITERATOR, ITEM_SELECTOR, LABEL)
          .any(ITEM_READER, ITEM_BATCHER, RESULT_WRITER)
          .any(MAX_CONCURRENCY, TOLERATED_FAILURE_PERCENTAGE, TOLERATED_FAILURE_COUNT)
          .jsonPath(INPUT_PATH, OUTPUT_PATH, PARAMETERS, RESULT_SELECTOR, RESULT_PATH, ITEMS_PATH)
          .jsonPath(
              MAX_CONCURRENCY_PATH, TOLERATED_FAILURE_PERCENTAGE_PATH, TOLERATED_FAILURE_COUNT_PATH)
          .jsonata(ITEMS, OUTPUT)
          .build();

  static final FieldSet RETRIER =
      FieldSet.builder()
          .any(ERROR_EQUALS, INTERVAL_SECONDS, MAX_ATTEMPTS, BACKOFF_RATE, MAX_DELAY_SECONDS)
          .any(JITTER_STRATEGY, COMMENT)
          .build();

  static final FieldSet CATCHER =
      FieldSet.builder()
          .any(ERROR_EQUALS, NEXT, COMMENT, ASSIGN)
          .jsonPath(RESULT_PATH)
          .jsonata(OUTPUT)
          .build();

  private static final String[] OPERATORS =
      Arrays.stream(ComparisonOperator.values())
          .map(ComparisonOperator::aslName)
          .toArray(String[]::new);

  /** A rule of {@code Choices}. */
  static final FieldSet CHOICE_RULE =
      FieldSet.builder()
          .any(NEXT, COMMENT, ASSIGN)
          .jsonPath(VARIABLE, AND, OR, NOT)
          .jsonPath(OPERATORS)
          .jsonata(CONDITION, OUTPUT)
          .build();

  /** A rule inside {@code And}, {@code Or} or {@code Not}: no {@code Next} of its own. */
  static final FieldSet NESTED_RULE =
      FieldSet.builder().any(COMMENT).jsonPath(VARIABLE, AND, OR, NOT).jsonPath(OPERATORS).build();

  static final FieldSet ITEM_READER_FIELDS =
      FieldSet.builder()
          .any(RESOURCE, READER_CONFIG)
          .jsonPath(PARAMETERS)
          .jsonata(ARGUMENTS)
          .build();

  static final FieldSet READER_CONFIG_FIELDS =
      FieldSet.builder()
          .any(INPUT_TYPE, CSV_HEADER_LOCATION, CSV_HEADERS, CSV_DELIMITER, MAX_ITEMS)
          .jsonPath(MAX_ITEMS_PATH)
          .build();

  static final FieldSet ITEM_BATCHER_FIELDS =
      FieldSet.builder()
          .any(MAX_ITEMS_PER_BATCH, MAX_INPUT_BYTES_PER_BATCH, BATCH_INPUT)
          .jsonPath(MAX_ITEMS_PER_BATCH_PATH, MAX_INPUT_BYTES_PER_BATCH_PATH)
          .build();

  static final FieldSet RESULT_WRITER_FIELDS =
      FieldSet.builder()
          .any(RESOURCE, WRITER_CONFIG)
          .jsonPath(PARAMETERS)
          .jsonata(ARGUMENTS)
          .build();

  static final FieldSet WRITER_CONFIG_FIELDS =
      FieldSet.builder().any(OUTPUT_TYPE, TRANSFORMATION).build();

  static final FieldSet CREDENTIALS_FIELDS =
      FieldSet.builder().any(ROLE_ARN).jsonPath(ROLE_ARN + DYNAMIC_SUFFIX).build();
}
