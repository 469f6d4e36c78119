package io.statecraft.asl.dataflow;

import static io.statecraft.asl.testing.Fakes.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContextObjectTest {

  static final ContextObject BASE =
      ContextObject.of(
          new ContextObject.ExecutionInfo(
              "arn:aws:states:us-east-1:1:execution:sm:ex",
              json("{\"in\":1}"),
              "ex",
              "arn:aws:iam::1:role/r",
              "2024-01-01T00:00:00.000Z",
              0),
          new ContextObject.StateMachineInfo("arn:aws:states:us-east-1:1:stateMachine:sm", "sm"));

  @Test
  void showsAwsFieldsWithoutStateTaskOrMapUntilSet() {
    assertThat(BASE.toJson())
        .isEqualTo(
            json(
                "{\"Execution\":{\"Id\":\"arn:aws:states:us-east-1:1:execution:sm:ex\","
                    + "\"Input\":{\"in\":1},\"StartTime\":\"2024-01-01T00:00:00.000Z\","
                    + "\"Name\":\"ex\",\"RoleArn\":\"arn:aws:iam::1:role/r\",\"RedriveCount\":0},"
                    + "\"StateMachine\":{\"Id\":\"arn:aws:states:us-east-1:1:stateMachine:sm\","
                    + "\"Name\":\"sm\"}}"));
  }

  @Test
  void retryCountAppearsOnlyForStatesThatRetry() {
    ContextObject pass =
        BASE.withState(new ContextObject.StateInfo("P", "2024-01-01T00:00:01.000Z", null));
    assertThat(pass.toJson().get("State"))
        .isEqualTo(json("{\"Name\":\"P\",\"EnteredTime\":\"2024-01-01T00:00:01.000Z\"}"));
    ContextObject task =
        BASE.withState(new ContextObject.StateInfo("T", "2024-01-01T00:00:01.000Z", 0))
            .withRetryCount(2)
            .withTask(new ContextObject.TaskInfo("tok"))
            .withMap(new ContextObject.MapInfo(3, json("\"item\"")));
    assertThat(task.toJson().at("/State/RetryCount").intValue()).isEqualTo(2);
    assertThat(task.toJson().at("/Task/Token").textValue()).isEqualTo("tok");
    assertThat(task.toJson().at("/Map/Item")).isEqualTo(json("{\"Index\":3,\"Value\":\"item\"}"));
    assertThat(task.withoutState().toJson()).isEqualTo(BASE.toJson());
  }

  @Test
  void survivesJacksonRoundTrip() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ContextObject withState =
        BASE.withState(new ContextObject.StateInfo("T", "2024-01-01T00:00:01.000Z", 1));
    String text = mapper.writeValueAsString(withState);
    assertThat(mapper.readValue(text, ContextObject.class)).isEqualTo(withState);
  }

  @Test
  void timestampsUseMillisecondsInUtc() {
    assertThat(Timestamps.format(Instant.parse("2024-05-01T12:00:00Z")))
        .isEqualTo("2024-05-01T12:00:00.000Z");
    assertThat(Timestamps.format(Instant.parse("2024-05-01T12:00:00.123456Z")))
        .isEqualTo("2024-05-01T12:00:00.123Z");
    assertThat(Timestamps.parse("2016-03-05T21:29:29.243167252Z")).isPresent();
    assertThat(Timestamps.parse("2016-03-05T21:29:29+01:00"))
        .contains(Instant.parse("2016-03-05T20:29:29Z"));
    assertThat(Timestamps.parse("2016-12-05T21:29:29")).isEmpty();
    assertThat(Timestamps.parse("2016-12-05 21:29:29Z")).isEmpty();
    assertThat(Timestamps.parse("2016-12-05T25:29:29Z")).isEmpty();
    assertThat(Timestamps.parse("05-12-2016T21:29:29Z")).isEmpty();
  }

  @Test
  void payloadSizesAreUtf8BytesOfCompactJson() {
    assertThat(Payloads.sizeInBytes(json("{\"a\": [1, 2]}"))).isEqualTo(11);
    assertThat(Payloads.sizeInBytes(json("\"é\""))).isEqualTo(4);
    assertThat(Payloads.compact(json("{\"a\": [1, 2]}"))).isEqualTo("{\"a\":[1,2]}");
  }
}
