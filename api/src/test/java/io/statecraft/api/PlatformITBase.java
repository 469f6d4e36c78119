package io.statecraft.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole platform on a random HTTP port, a free embedded Temporal port and a fresh data
 * directory. Every integration test extending this shares one Spring context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"statecraft.temporal.embedded.port=0"})
public abstract class PlatformITBase {

  static final Path DATA_DIR;

  static {
    try {
      DATA_DIR = Files.createTempDirectory("statecraft-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("statecraft.data-dir", DATA_DIR::toString);
  }

  protected String baseUrl() {
    return "http://127.0.0.1:" + port;
  }
}
