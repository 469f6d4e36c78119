package io.statecraft.asl.read;

import static io.statecraft.asl.read.Found.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.statecraft.asl.validate.Diagnostic;
import io.statecraft.asl.validate.DiagnosticCode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Field checks: types, ranges, required and exclusive fields, and the query-language rules. */
class FieldChecksTest {

  private static Arguments check(String name, String json, String message, String location) {
    return Arguments.of(name, json, message, location);
  }

  private static String task(String fields) {
    return single(
        "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true, "
            + fields
            + "}");
  }

  private static String retry(String retrier) {
    return task("\"Retry\": [" + retrier + "]");
  }

  private static String map(String fields) {
    return single(
        "{\"Type\": \"Map\", \"End\": true, \"ItemProcessor\": {\"StartAt\": \"I\", \"States\":"
            + " {\"I\": {\"Type\": \"Succeed\"}}}"
            + (fields.isEmpty() ? "" : ", " + fields)
            + "}");
  }

  private static String jsonata(String state) {
    return "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"S\", \"States\": {\"S\": "
        + state
        + "}}";
  }

  static Stream<Arguments> checks() {
    return Stream.of(
        // The state machine
        check(
            "StartAt is required",
            "{\"States\": {\"S\": {\"Type\": \"Succeed\"}}}",
            "The field 'StartAt' is required but was missing",
            null),
        check(
            "States must not be empty",
            "{\"StartAt\": \"S\", \"States\": {}}",
            "The field 'States' should be non-empty",
            "/States"),
        check(
            "TimeoutSeconds is positive",
            "{\"StartAt\": \"S\", \"TimeoutSeconds\": 0, \"States\": {\"S\": {\"Type\":"
                + " \"Succeed\"}}}",
            "Minimum value is 1",
            "/TimeoutSeconds"),
        check(
            "Version is a string",
            "{\"StartAt\": \"S\", \"Version\": 1, \"States\": {\"S\": {\"Type\": \"Succeed\"}}}",
            "The value for the field 'Version' must be a string",
            "/Version"),
        check(
            "a top-level QueryLanguage must be spelled exactly",
            "{\"StartAt\": \"S\", \"QueryLanguage\": \"jsonata\", \"States\": {\"S\": {\"Type\":"
                + " \"Succeed\"}}}",
            "The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata]",
            "/QueryLanguage"),
        // Every state
        check(
            "Type is required",
            single("{\"End\": true}"),
            "The field 'Type' is required but was missing",
            "/States/S"),
        check(
            "Type must be a state type",
            single("{\"Type\": \"Sleep\"}"),
            "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail,"
                + " Choice, Parallel, Map]",
            "/States/S/Type"),
        check(
            "a state must be an object",
            single("[]"),
            "The state 'S' must be an object",
            "/States/S"),
        check(
            "Comment is a string",
            single("{\"Type\": \"Succeed\", \"Comment\": 7}"),
            "The value for the field 'Comment' must be a string",
            "/States/S/Comment"),
        check(
            "Next and End exclude each other",
            single("{\"Type\": \"Pass\", \"Next\": \"S\", \"End\": true}"),
            "There should only be one of the following fields: [Next, End]",
            "/States/S"),
        check(
            "Next or End is required",
            single("{\"Type\": \"Pass\"}"),
            "One of the following fields is required: [Next, End]",
            "/States/S"),
        check(
            "End false is not an end",
            single("{\"Type\": \"Wait\", \"Seconds\": 1, \"End\": false}"),
            "One of the following fields is required: [Next, End]",
            "/States/S"),
        check(
            "Succeed has no Next",
            single("{\"Type\": \"Succeed\", \"Next\": \"S\"}"),
            "Field 'Next' is not supported",
            "/States/S"),
        check(
            "Pass has no Retry",
            single("{\"Type\": \"Pass\", \"End\": true, \"Retry\": []}"),
            "Field 'Retry' is not supported",
            "/States/S"),
        check(
            "Parallel has no TimeoutSeconds",
            single(
                "{\"Type\": \"Parallel\", \"End\": true, \"TimeoutSeconds\": 5, \"Branches\":"
                    + " [{\"StartAt\": \"B\", \"States\": {\"B\": {\"Type\": \"Succeed\"}}}]}"),
            "Field 'TimeoutSeconds' is not supported",
            "/States/S"),
        check(
            "Fail has no InputPath",
            single("{\"Type\": \"Fail\", \"InputPath\": \"$\"}"),
            "Field 'InputPath' is not supported",
            "/States/S"),
        check(
            "InputPath is a string or null",
            single("{\"Type\": \"Pass\", \"End\": true, \"InputPath\": 5}"),
            "The value for the field 'InputPath' must be a string or null",
            "/States/S/InputPath"),
        check(
            "Parameters is an object",
            single("{\"Type\": \"Pass\", \"End\": true, \"Parameters\": [1]}"),
            "The value for the field 'Parameters' must be an object",
            "/States/S/Parameters"),
        check(
            "a .$ key holds a string",
            single("{\"Type\": \"Pass\", \"End\": true, \"Parameters\": {\"a\": {\"b.$\": 1}}}"),
            "The value for the field 'b.$' must be a STRING that contains a JSONPath or an"
                + " intrinsic function call",
            "/States/S/Parameters/a/b.$"),
        // Task
        check(
            "Resource is required",
            single("{\"Type\": \"Task\", \"End\": true}"),
            "The field 'Resource' is required but was missing",
            "/States/S"),
        check(
            "Resource is an ARN",
            single("{\"Type\": \"Task\", \"Resource\": \"lambda:invoke\", \"End\": true}"),
            "Value is not a valid resource ARN",
            "/States/S/Resource"),
        check(
            "TimeoutSeconds is positive",
            task("\"TimeoutSeconds\": 0"),
            "Minimum value is 1",
            "/States/S/TimeoutSeconds"),
        check(
            "TimeoutSeconds has an upper bound",
            task("\"TimeoutSeconds\": 100000000"),
            "Maximum value is 99999999",
            "/States/S/TimeoutSeconds"),
        check(
            "TimeoutSeconds is an integer",
            task("\"TimeoutSeconds\": 1.5"),
            "The value for the field 'TimeoutSeconds' must be an integer",
            "/States/S/TimeoutSeconds"),
        check(
            "TimeoutSeconds and TimeoutSecondsPath exclude each other",
            task("\"TimeoutSeconds\": 5, \"TimeoutSecondsPath\": \"$.t\""),
            "There should only be one of the following fields: [TimeoutSeconds,"
                + " TimeoutSecondsPath]",
            "/States/S"),
        check(
            "HeartbeatSeconds is below TimeoutSeconds",
            task("\"TimeoutSeconds\": 10, \"HeartbeatSeconds\": 10"),
            "The value of the field 'HeartbeatSeconds' must be smaller than the value of the field"
                + " 'TimeoutSeconds'",
            "/States/S/HeartbeatSeconds"),
        check(
            "Credentials needs a RoleArn",
            task("\"Credentials\": {}"),
            "The field 'RoleArn' is required but was missing",
            "/States/S/Credentials"),
        check(
            "Credentials has nothing but RoleArn",
            task("\"Credentials\": {\"RoleArn\": \"arn:aws:iam::123456789012:role/r\", \"x\": 1}"),
            "Field 'x' is not supported",
            "/States/S/Credentials"),
        // Retry and Catch
        check(
            "BackoffRate is at least 1.0",
            retry("{\"ErrorEquals\": [\"States.ALL\"], \"BackoffRate\": 0.5}"),
            "Minimum value is 1.0",
            "/States/S/Retry/0/BackoffRate"),
        check(
            "IntervalSeconds is positive",
            retry("{\"ErrorEquals\": [\"States.ALL\"], \"IntervalSeconds\": 0}"),
            "Minimum value is 1",
            "/States/S/Retry/0/IntervalSeconds"),
        check(
            "MaxAttempts is not negative",
            retry("{\"ErrorEquals\": [\"States.ALL\"], \"MaxAttempts\": -1}"),
            "Minimum value is 0",
            "/States/S/Retry/0/MaxAttempts"),
        check(
            "MaxAttempts has an upper bound",
            retry("{\"ErrorEquals\": [\"States.ALL\"], \"MaxAttempts\": 100000000}"),
            "Maximum value is 99999999",
            "/States/S/Retry/0/MaxAttempts"),
        check(
            "MaxDelaySeconds is positive",
            retry("{\"ErrorEquals\": [\"States.ALL\"], \"MaxDelaySeconds\": 0}"),
            "Minimum value is 1",
            "/States/S/Retry/0/MaxDelaySeconds"),
        check(
            "MaxDelaySeconds is at most 366 days",
            retry("{\"ErrorEquals\": [\"States.ALL\"], \"MaxDelaySeconds\": 31622401}"),
            "Maximum value is 31622400",
            "/States/S/Retry/0/MaxDelaySeconds"),
        check(
            "JitterStrategy is FULL or NONE",
            retry("{\"ErrorEquals\": [\"States.ALL\"], \"JitterStrategy\": \"HALF\"}"),
            "The field 'JitterStrategy' should have one of these values: [FULL, NONE]",
            "/States/S/Retry/0/JitterStrategy"),
        check(
            "a retrier needs ErrorEquals",
            retry("{\"MaxAttempts\": 1}"),
            "The field 'ErrorEquals' is required but was missing",
            "/States/S/Retry/0"),
        check(
            "ErrorEquals is not empty",
            retry("{\"ErrorEquals\": []}"),
            "The field 'ErrorEquals' should be non-empty",
            "/States/S/Retry/0/ErrorEquals"),
        check(
            "States.ALL stands alone",
            retry("{\"ErrorEquals\": [\"States.ALL\", \"States.Timeout\"]}"),
            "'States.ALL' must appear alone in the field 'ErrorEquals'",
            "/States/S/Retry/0/ErrorEquals"),
        check(
            "States.ALL comes last",
            retry("{\"ErrorEquals\": [\"States.ALL\"]}, {\"ErrorEquals\": [\"States.Timeout\"]}"),
            "A Retrier whose 'ErrorEquals' is 'States.ALL' must be the last one",
            "/States/S/Retry/0/ErrorEquals"),
        check(
            "a retrier has no Next",
            retry("{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"S\"}"),
            "Field 'Next' is not supported",
            "/States/S/Retry/0"),
        check(
            "a catcher needs Next",
            task("\"Catch\": [{\"ErrorEquals\": [\"States.ALL\"]}]"),
            "The field 'Next' is required but was missing",
            "/States/S/Catch/0"),
        check(
            "States.ALL comes last among catchers too",
            task(
                "\"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"S\"},"
                    + " {\"ErrorEquals\": [\"X\"], \"Next\": \"S\"}]"),
            "A Catcher whose 'ErrorEquals' is 'States.ALL' must be the last one",
            "/States/S/Catch/0/ErrorEquals"),
        check(
            "Retry elements are objects",
            task("\"Retry\": [\"States.ALL\"]"),
            "The elements of the field 'Retry' must be objects",
            "/States/S/Retry/0"),
        // Wait
        check(
            "Wait needs a duration or a time",
            single("{\"Type\": \"Wait\", \"End\": true}"),
            "One of the following fields is required: [Seconds, SecondsPath, Timestamp,"
                + " TimestampPath]",
            "/States/S"),
        check(
            "Wait takes one of them only",
            single(
                "{\"Type\": \"Wait\", \"End\": true, \"Seconds\": 1, \"Timestamp\":"
                    + " \"2024-01-01T00:00:00Z\"}"),
            "There should only be one of the following fields: [Seconds, Timestamp]",
            "/States/S"),
        check(
            "Seconds is not negative",
            single("{\"Type\": \"Wait\", \"End\": true, \"Seconds\": -1}"),
            "Minimum value is 0",
            "/States/S/Seconds"),
        check(
            "Timestamp is RFC 3339 with an uppercase T",
            single("{\"Type\": \"Wait\", \"End\": true, \"Timestamp\": \"2024-01-01t00:00:00Z\"}"),
            "The value for the field 'Timestamp' must be a timestamp in RFC 3339 format, such as"
                + " 2016-03-14T01:59:00Z",
            "/States/S/Timestamp"),
        check(
            "Timestamp is a real date",
            single("{\"Type\": \"Wait\", \"End\": true, \"Timestamp\": \"2024-02-30T00:00:00Z\"}"),
            "The value for the field 'Timestamp' must be a timestamp in RFC 3339 format, such as"
                + " 2016-03-14T01:59:00Z",
            "/States/S/Timestamp"),
        // Fail
        check(
            "Error and ErrorPath exclude each other",
            single("{\"Type\": \"Fail\", \"Error\": \"E\", \"ErrorPath\": \"$.e\"}"),
            "There should only be one of the following fields: [Error, ErrorPath]",
            "/States/S"),
        check(
            "Cause is a string",
            single("{\"Type\": \"Fail\", \"Cause\": {}}"),
            "The value for the field 'Cause' must be a string",
            "/States/S/Cause"),
        // Choice
        check(
            "Choices is required",
            single("{\"Type\": \"Choice\"}"),
            "The field 'Choices' is required but was missing",
            "/States/S"),
        check(
            "Choices is not empty",
            single("{\"Type\": \"Choice\", \"Choices\": []}"),
            "The field 'Choices' should be non-empty",
            "/States/S/Choices"),
        check(
            "a rule needs Next",
            single(
                "{\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"IsNull\": true}],"
                    + " \"Default\": \"S\"}"),
            "The field 'Next' is required but was missing",
            "/States/S/Choices/0"),
        check(
            "a nested rule has no Next",
            single(
                "{\"Type\": \"Choice\", \"Choices\": [{\"Not\": {\"Variable\": \"$.a\","
                    + " \"IsNull\": true, \"Next\": \"S\"}, \"Next\": \"S\"}]}"),
            "Field 'Next' is not supported",
            "/States/S/Choices/0/Not"),
        check(
            "a rule needs an operator",
            single(
                "{\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"Next\": \"S\"}]}"),
            "A Choice Rule with a 'Variable' must have a comparison operator, such as"
                + " 'StringEquals' or 'NumericGreaterThanPath'",
            "/States/S/Choices/0"),
        check(
            "a rule has one operator",
            single(
                "{\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"IsNull\": true,"
                    + " \"IsString\": true, \"Next\": \"S\"}]}"),
            "There should only be one of the following fields: [IsNull, IsString]",
            "/States/S/Choices/0"),
        check(
            "a rule is a comparison or a Boolean, not both",
            single(
                "{\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"IsNull\": true,"
                    + " \"Not\": {\"Variable\": \"$.b\", \"IsNull\": true}, \"Next\": \"S\"}]}"),
            "There should only be one of the following fields: [Not, Variable]",
            "/States/S/Choices/0"),
        check(
            "a rule is something",
            single("{\"Type\": \"Choice\", \"Choices\": [{\"Next\": \"S\"}]}"),
            "A Choice Rule must have one of the fields [And, Or, Not], or a 'Variable' and a"
                + " comparison operator",
            "/States/S/Choices/0"),
        check(
            "NumericEquals takes a number",
            single(
                "{\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"NumericEquals\":"
                    + " \"1\", \"Next\": \"S\"}]}"),
            "The value for the field 'NumericEquals' must be a number",
            "/States/S/Choices/0/NumericEquals"),
        check(
            "a type test takes a boolean",
            single(
                "{\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"IsPresent\":"
                    + " \"yes\", \"Next\": \"S\"}]}"),
            "The value for the field 'IsPresent' must be a boolean",
            "/States/S/Choices/0/IsPresent"),
        check(
            "TimestampEquals takes a timestamp",
            single(
                "{\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"TimestampEquals\":"
                    + " \"yesterday\", \"Next\": \"S\"}]}"),
            "The value for the field 'TimestampEquals' must be a timestamp in RFC 3339 format,"
                + " such as 2016-03-14T01:59:00Z",
            "/States/S/Choices/0/TimestampEquals"),
        check(
            "And is not empty",
            single("{\"Type\": \"Choice\", \"Choices\": [{\"And\": [], \"Next\": \"S\"}]}"),
            "The field 'And' should be non-empty",
            "/States/S/Choices/0/And"),
        check(
            "Not holds an object",
            single("{\"Type\": \"Choice\", \"Choices\": [{\"Not\": [], \"Next\": \"S\"}]}"),
            "The value for the field 'Not' must be an object",
            "/States/S/Choices/0/Not"),
        // Parallel
        check(
            "Branches is required",
            single("{\"Type\": \"Parallel\", \"End\": true}"),
            "The field 'Branches' is required but was missing",
            "/States/S"),
        check(
            "Branches is not empty",
            single("{\"Type\": \"Parallel\", \"End\": true, \"Branches\": []}"),
            "The field 'Branches' should be non-empty",
            "/States/S/Branches"),
        check(
            "a branch has no QueryLanguage",
            single(
                "{\"Type\": \"Parallel\", \"End\": true, \"Branches\": [{\"QueryLanguage\":"
                    + " \"JSONPath\", \"StartAt\": \"B\", \"States\": {\"B\": {\"Type\":"
                    + " \"Succeed\"}}}]}"),
            "Field 'QueryLanguage' is not supported",
            "/States/S/Branches/0"),
        check(
            "a branch needs StartAt",
            single(
                "{\"Type\": \"Parallel\", \"End\": true, \"Branches\": [{\"States\": {\"B\":"
                    + " {\"Type\": \"Succeed\"}}}]}"),
            "The field 'StartAt' is required but was missing",
            "/States/S/Branches/0"),
        // Map
        check(
            "ItemProcessor is required",
            single("{\"Type\": \"Map\", \"End\": true}"),
            "The field 'ItemProcessor' is required but was missing",
            "/States/S"),
        check(
            "Iterator and ItemProcessor exclude each other",
            map("\"Iterator\": {\"StartAt\": \"J\", \"States\": {\"J\": {\"Type\": \"Succeed\"}}}"),
            "There should only be one of the following fields: [ItemProcessor, Iterator]",
            "/States/S"),
        check(
            "Parameters and ItemSelector exclude each other",
            map("\"Parameters\": {}, \"ItemSelector\": {}"),
            "There should only be one of the following fields: [ItemSelector, Parameters]",
            "/States/S"),
        check(
            "an item processor has no QueryLanguage",
            single(
                "{\"Type\": \"Map\", \"End\": true, \"ItemProcessor\": {\"QueryLanguage\":"
                    + " \"JSONPath\", \"StartAt\": \"I\", \"States\": {\"I\": {\"Type\":"
                    + " \"Succeed\"}}}}"),
            "Field 'QueryLanguage' is not supported",
            "/States/S/ItemProcessor"),
        check(
            "Mode is INLINE or DISTRIBUTED",
            single(
                "{\"Type\": \"Map\", \"End\": true, \"ItemProcessor\": {\"ProcessorConfig\":"
                    + " {\"Mode\": \"PARALLEL\"}, \"StartAt\": \"I\", \"States\": {\"I\": {\"Type\":"
                    + " \"Succeed\"}}}}"),
            "The field 'Mode' should have one of these values: [INLINE, DISTRIBUTED]",
            "/States/S/ItemProcessor/ProcessorConfig/Mode"),
        check(
            "a distributed processor needs an ExecutionType",
            single(
                "{\"Type\": \"Map\", \"End\": true, \"ItemProcessor\": {\"ProcessorConfig\":"
                    + " {\"Mode\": \"DISTRIBUTED\"}, \"StartAt\": \"I\", \"States\": {\"I\":"
                    + " {\"Type\": \"Succeed\"}}}}"),
            "The field 'ExecutionType' is required but was missing",
            "/States/S/ItemProcessor/ProcessorConfig"),
        check(
            "MaxConcurrency is not negative",
            map("\"MaxConcurrency\": -1"),
            "Minimum value is 0",
            "/States/S/MaxConcurrency"),
        check(
            "MaxConcurrency and MaxConcurrencyPath exclude each other",
            map("\"MaxConcurrency\": 1, \"MaxConcurrencyPath\": \"$.n\""),
            "There should only be one of the following fields: [MaxConcurrency,"
                + " MaxConcurrencyPath]",
            "/States/S"),
        check(
            "ToleratedFailurePercentage is at most 100",
            map("\"ToleratedFailurePercentage\": 100.5"),
            "Maximum value is 100.0",
            "/States/S/ToleratedFailurePercentage"),
        check(
            "ToleratedFailurePercentage is at least 0",
            map("\"ToleratedFailurePercentage\": -0.5"),
            "Minimum value is 0.0",
            "/States/S/ToleratedFailurePercentage"),
        check(
            "ToleratedFailureCount is an integer",
            map("\"ToleratedFailureCount\": \"many\""),
            "The value for the field 'ToleratedFailureCount' must be an integer",
            "/States/S/ToleratedFailureCount"),
        check(
            "ReaderConfig MaxItems has an upper bound",
            map(
                "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\","
                    + " \"ReaderConfig\": {\"MaxItems\": 100000001}}"),
            "Maximum value is 100000000",
            "/States/S/ItemReader/ReaderConfig/MaxItems"),
        check(
            "GIVEN CSV headers must be given",
            map(
                "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\","
                    + " \"ReaderConfig\": {\"InputType\": \"CSV\", \"CSVHeaderLocation\":"
                    + " \"GIVEN\"}}"),
            "The field 'CSVHeaders' is required but was missing",
            "/States/S/ItemReader/ReaderConfig"),
        check(
            "an ItemReader needs a Resource",
            map("\"ItemReader\": {}"),
            "The field 'Resource' is required but was missing",
            "/States/S/ItemReader"),
        check(
            "MaxItemsPerBatch is not negative",
            map("\"ItemBatcher\": {\"MaxItemsPerBatch\": -1}"),
            "Minimum value is 0",
            "/States/S/ItemBatcher/MaxItemsPerBatch"),
        check(
            "a ResultWriter writes somewhere",
            map("\"ResultWriter\": {}"),
            "One of the following fields is required: [Resource, WriterConfig]",
            "/States/S/ResultWriter"),
        check(
            "OutputType is JSON or JSONL",
            map("\"ResultWriter\": {\"WriterConfig\": {\"OutputType\": \"CSV\"}}"),
            "The field 'OutputType' should have one of these values: [JSON, JSONL]",
            "/States/S/ResultWriter/WriterConfig/OutputType"),
        // Query languages
        check(
            "a JSONata field in a JSONPath state",
            single("{\"Type\": \"Pass\", \"End\": true, \"Output\": {}}"),
            "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the"
                + " 'JSONata' QueryLanguage",
            "/States/S"),
        check(
            "Items belongs to JSONata",
            map("\"Items\": [1, 2]"),
            "The QueryLanguage is set to 'JSONPath', but field 'Items' is only supported for the"
                + " 'JSONata' QueryLanguage",
            "/States/S"),
        check(
            "a JSONPath field in a JSONata state",
            jsonata("{\"Type\": \"Pass\", \"End\": true, \"InputPath\": \"$.a\"}"),
            "The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for the"
                + " 'JSONPath' QueryLanguage",
            "/States/S"),
        check(
            "a Path twin in a JSONata state",
            jsonata(
                "{\"Type\": \"Wait\", \"End\": true, \"Seconds\": 1, \"SecondsPath\": \"$.a\"}"),
            "The QueryLanguage is set to 'JSONata', but field 'SecondsPath' is only supported for"
                + " the 'JSONPath' QueryLanguage",
            "/States/S"),
        check(
            "a catcher's ResultPath in a JSONata state",
            jsonata(
                "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\":"
                    + " true, \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"S\","
                    + " \"ResultPath\": \"$.e\"}]}"),
            "The QueryLanguage is set to 'JSONata', but field 'ResultPath' is only supported for"
                + " the 'JSONPath' QueryLanguage",
            "/States/S/Catch/0"),
        check(
            "Variable in a JSONata rule",
            jsonata(
                "{\"Type\": \"Choice\", \"Choices\": [{\"Condition\": true, \"Variable\": \"$.a\","
                    + " \"Next\": \"S\"}]}"),
            "The QueryLanguage is set to 'JSONata', but field 'Variable' is only supported for the"
                + " 'JSONPath' QueryLanguage",
            "/States/S/Choices/0"),
        check(
            "a JSONata rule needs a Condition",
            jsonata("{\"Type\": \"Choice\", \"Choices\": [{\"Next\": \"S\"}]}"),
            "The field 'Condition' is required but was missing",
            "/States/S/Choices/0"),
        check(
            "a Condition is a boolean or an expression",
            jsonata(
                "{\"Type\": \"Choice\", \"Choices\": [{\"Condition\": \"yes\", \"Next\": \"S\"}]}"),
            "The value for the field 'Condition' must be a boolean or a JSONata expression ({%"
                + " ... %})",
            "/States/S/Choices/0/Condition"),
        check(
            "a JSONata number field takes a number or an expression",
            jsonata("{\"Type\": \"Wait\", \"End\": true, \"Seconds\": \"soon\"}"),
            "The value for the field 'Seconds' must be an integer or a JSONata expression ({% ..."
                + " %})",
            "/States/S/Seconds"),
        check(
            "JSONata Items is an array or an expression",
            "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"S\", \"States\": {\"S\": {\"Type\":"
                + " \"Map\", \"End\": true, \"Items\": {}, \"ItemProcessor\": {\"StartAt\": \"I\","
                + " \"States\": {\"I\": {\"Type\": \"Succeed\"}}}}}}",
            "The value for the field 'Items' must be an array or a JSONata expression ({% ... %})",
            "/States/S/Items"),
        check(
            "a state cannot go back to JSONPath in a JSONata machine",
            jsonata("{\"Type\": \"Succeed\", \"QueryLanguage\": \"JSONPath\"}"),
            "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
            "/States/S"),
        check(
            "a state's QueryLanguage must be spelled exactly",
            single("{\"Type\": \"Succeed\", \"QueryLanguage\": \"JSONATA\"}"),
            "The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata]",
            "/States/S/QueryLanguage"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checks")
  void reportsTheProblemWhereItIs(String name, String json, String message, String location) {
    assertThat(Found.errors(json))
        .filteredOn(d -> d.code() == DiagnosticCode.SCHEMA_VALIDATION_FAILED)
        .extracting(Diagnostic::message, Diagnostic::location)
        .containsExactly(tuple(message, location));
  }
}
