package io.statecraft.api.statemachines;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.api.PlatformITBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/** The example state machines are in the registry from the first start, and only once. */
class ExamplePreloaderIT extends PlatformITBase {

  @Autowired StateMachineRegistry registry;
  @Autowired ExamplePreloader preloader;
  @Autowired Arns arns;

  @Test
  void everyShippedExampleIsLoadedWithItsExactDefinition() throws Exception {
    for (String name :
        List.of("order-processing", "etl-pipeline", "fraud-detection", "devops-automation")) {
      var described = registry.describe(arns.stateMachine(name));
      Path file = Path.of("..", "examples", name + ".asl.json");
      assertThat(described.revision().definition()).as(name).isEqualTo(Files.readString(file));
    }
  }

  @Test
  void aDeletedExampleStaysDeleted() throws Exception {
    String arn = arns.stateMachine("etl-pipeline");
    registry.delete(arn);

    preloader.run(new DefaultApplicationArguments());

    assertThat(registry.list(null, 1000).items())
        .extracting(StateMachineRecord::name)
        .doesNotContain("etl-pipeline")
        .contains("order-processing");
  }
}
