package io.statecraft.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.activities.sdk.AslTask;
import io.statecraft.asl.interpret.HistoryEvent;
import io.statecraft.workflows.testing.StatecraftTestKit;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirstRunTest {

  public static final class Tasks {
    @AslTask("Double")
    public Map<String, Object> twice(JsonNode input) {
      return Map.of("value", input.path("value").asInt() * 2);
    }
  }

  @Test
  void runsPassTaskChoiceWaitAndSucceed() {
    String definition =
        """
        {"StartAt":"Start","States":{
          "Start":{"Type":"Pass","Result":{"value":21},"Next":"Double"},
          "Double":{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:Double","Next":"Check"},
          "Check":{"Type":"Choice","Choices":[{"Variable":"$.value","NumericEquals":42,"Next":"Pause"}],"Default":"Bad"},
          "Pause":{"Type":"Wait","Seconds":3600,"Next":"Done"},
          "Bad":{"Type":"Fail","Error":"Wrong"},
          "Done":{"Type":"Succeed"}}}
        """;
    try (StatecraftTestKit kit = StatecraftTestKit.builder().tasks(new Tasks()).build()) {
      StatecraftTestKit.Result result = kit.run("First", definition, "{}");
      System.out.println(result.awsHistory());
      assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(result.output().path("value").asInt()).isEqualTo(42);
      assertThat(result.history()).extracting(HistoryEvent::id).startsWith(1L, 2L, 3L);
    }
  }
}
