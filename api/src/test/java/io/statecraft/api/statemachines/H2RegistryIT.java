package io.statecraft.api.statemachines;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The registry on the default database: an H2 file database. */
class H2RegistryIT extends RegistryContract {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:file:" + dataDir.resolve("registry").toAbsolutePath());
  }
}
