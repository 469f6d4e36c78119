package io.statecraft.api.statemachines;

import io.statecraft.api.config.ConditionalOnRole;
import io.statecraft.api.config.StatecraftProperties;
import io.statecraft.api.error.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the example state machines shipped in the jar ({@code examples/*.asl.json}, named after
 * the file) the first time a registry sees them. Each is loaded once: one a user deletes or changes
 * stays that way. An example the validator refuses is reported and skipped.
 */
@Component
@ConditionalOnRole(ConditionalOnRole.Part.API)
@ConditionalOnProperty(name = "statecraft.examples.preload", matchIfMissing = true)
class ExamplePreloader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ExamplePreloader.class);
  static final String LOCATION = "classpath*:examples/*.asl.json";
  static final String SUFFIX = ".asl.json";

  private final StateMachineRegistry registry;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final String roleArn;

  ExamplePreloader(
      StateMachineRegistry registry,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      StatecraftProperties properties) {
    this.registry = registry;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.roleArn = "arn:aws:iam::" + properties.aws().accountId() + ":role/StatecraftExecutionRole";
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    Resource[] found = new PathMatchingResourcePatternResolver().getResources(LOCATION);
    List<Resource> examples = new ArrayList<>(Arrays.asList(found));
    examples.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
    List<String> loaded = new ArrayList<>();
    for (Resource example : examples) {
      String file = String.valueOf(example.getFilename());
      String name = file.substring(0, file.length() - SUFFIX.length());
      String definition;
      try (InputStream in = example.getInputStream()) {
        definition = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      try {
        Boolean created = transactions.execute(status -> preload(name, definition));
        if (Boolean.TRUE.equals(created)) {
          loaded.add(name);
        }
      } catch (ApiException e) {
        log.warn("Example {} not loaded: {}", file, e.getMessage());
      }
    }
    if (!loaded.isEmpty()) {
      log.info("Loaded example state machines {}", loaded);
    }
  }

  private boolean preload(String name, String definition) {
    boolean seen =
        jdbc.sql("SELECT COUNT(*) FROM preloaded_example WHERE name = :name")
                .param("name", name)
                .query(Integer.class)
                .single()
            > 0;
    boolean taken =
        jdbc.sql("SELECT COUNT(*) FROM state_machine WHERE name = :name")
                .param("name", name)
                .query(Integer.class)
                .single()
            > 0;
    if (seen) {
      return false;
    }
    if (!taken) {
      registry.create(
          new StateMachineRegistry.CreateCommand(
              name, definition, roleArn, null, null, null, null, false, null, List.of()));
    }
    // A state machine of the user's own under the example's name is left alone, for good.
    jdbc.sql("INSERT INTO preloaded_example (name, preloaded_date) VALUES (:name, :date)")
        .param("name", name)
        .param("date", OffsetDateTime.now(ZoneOffset.UTC))
        .update();
    return !taken;
  }
}
