package io.statecraft.asl.read;

/** The field names of the Amazon States Language, in one place. */
final class Fields {

  private Fields() {}

  // State machine and graphs
  static final String START_AT = "StartAt";
  static final String STATES = "States";
  static final String COMMENT = "Comment";
  static final String VERSION = "Version";
  static final String TIMEOUT_SECONDS = "TimeoutSeconds";
  static final String QUERY_LANGUAGE = "QueryLanguage";

  // Every state
  static final String TYPE = "Type";
  static final String NEXT = "Next";
  static final String END = "End";

  // Data flow, JSONPath
  static final String INPUT_PATH = "InputPath";
  static final String PARAMETERS = "Parameters";
  static final String RESULT_SELECTOR = "ResultSelector";
  static final String RESULT_PATH = "ResultPath";
  static final String OUTPUT_PATH = "OutputPath";
  static final String RESULT = "Result";

  // Data flow, JSONata
  static final String ARGUMENTS = "Arguments";
  static final String OUTPUT = "Output";

  // Both languages
  static final String ASSIGN = "Assign";

  // Task
  static final String RESOURCE = "Resource";
  static final String TIMEOUT_SECONDS_PATH = "TimeoutSecondsPath";
  static final String HEARTBEAT_SECONDS = "HeartbeatSeconds";
  static final String HEARTBEAT_SECONDS_PATH = "HeartbeatSecondsPath";
  static final String CREDENTIALS = "Credentials";
  static final String ROLE_ARN = "RoleArn";

  // Retry and Catch
  static final String RETRY = "Retry";
  static final String CATCH = "Catch";
  static final String ERROR_EQUALS = "ErrorEquals";
  static final String INTERVAL_SECONDS = "IntervalSeconds";
  static final String MAX_ATTEMPTS = "MaxAttempts";
  static final String BACKOFF_RATE = "BackoffRate";
  static final String MAX_DELAY_SECONDS = "MaxDelaySeconds";
  static final String JITTER_STRATEGY = "JitterStrategy";

  // Choice
  static final String CHOICES = "Choices";
  static final String DEFAULT = "Default";
  static final String VARIABLE = "Variable";
  static final String AND = "And";
  static final String OR = "Or";
  static final String NOT = "Not";
  static final String CONDITION = "Condition";

  // Wait
  static final String SECONDS = "Seconds";
  static final String SECONDS_PATH = "SecondsPath";
  static final String TIMESTAMP = "Timestamp";
  static final String TIMESTAMP_PATH = "TimestampPath";

  // Fail
  static final String ERROR = "Error";
  static final String ERROR_PATH = "ErrorPath";
  static final String CAUSE = "Cause";
  static final String CAUSE_PATH = "CausePath";

  // Parallel
  static final String BRANCHES = "Branches";

  // Map
  static final String ITEM_PROCESSOR = "ItemProcessor";
  static final String ITERATOR = "Iterator";
  static final String PROCESSOR_CONFIG = "ProcessorConfig";
  static final String MODE = "Mode";
  static final String EXECUTION_TYPE = "ExecutionType";
  static final String ITEMS_PATH = "ItemsPath";
  static final String ITEMS = "Items";
  static final String ITEM_SELECTOR = "ItemSelector";
  static final String MAX_CONCURRENCY = "MaxConcurrency";
  static final String MAX_CONCURRENCY_PATH = "MaxConcurrencyPath";
  static final String TOLERATED_FAILURE_PERCENTAGE = "ToleratedFailurePercentage";
  static final String TOLERATED_FAILURE_PERCENTAGE_PATH = "ToleratedFailurePercentagePath";
  static final String TOLERATED_FAILURE_COUNT = "ToleratedFailureCount";
  static final String TOLERATED_FAILURE_COUNT_PATH = "ToleratedFailureCountPath";
  static final String LABEL = "Label";
  static final String ITEM_READER = "ItemReader";
  static final String READER_CONFIG = "ReaderConfig";
  static final String INPUT_TYPE = "InputType";
  static final String CSV_HEADER_LOCATION = "CSVHeaderLocation";
  static final String CSV_HEADERS = "CSVHeaders";
  static final String CSV_DELIMITER = "CSVDelimiter";
  static final String MAX_ITEMS = "MaxItems";
  static final String MAX_ITEMS_PATH = "MaxItemsPath";
  static final String ITEM_BATCHER = "ItemBatcher";
  static final String MAX_ITEMS_PER_BATCH = "MaxItemsPerBatch";
  static final String MAX_ITEMS_PER_BATCH_PATH = "MaxItemsPerBatchPath";
  static final String MAX_INPUT_BYTES_PER_BATCH = "MaxInputBytesPerBatch";
  static final String MAX_INPUT_BYTES_PER_BATCH_PATH = "MaxInputBytesPerBatchPath";
  static final String BATCH_INPUT = "BatchInput";
  static final String RESULT_WRITER = "ResultWriter";
  static final String WRITER_CONFIG = "WriterConfig";
  static final String OUTPUT_TYPE = "OutputType";
  static final String TRANSFORMATION = "Transformation";

  /** The suffix of a payload-template key whose value is a path or an intrinsic call. */
  static final String DYNAMIC_SUFFIX = ".$";
}
