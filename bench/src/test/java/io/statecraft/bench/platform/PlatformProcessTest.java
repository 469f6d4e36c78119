package io.statecraft.bench.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformProcessTest {

  @Test
  void aMissingPlatformJarFailsNamingTheCommandThatBuildsIt() {
    String previous = System.getProperty(PlatformProcess.JAR_PROPERTY);
    System.setProperty(PlatformProcess.JAR_PROPERTY, "/nonexistent/statecraft.jar");
    try {
      assertThatThrownBy(PlatformProcess::jar)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("/nonexistent/statecraft.jar")
          .hasMessageContaining("mvn -B verify")
          .hasMessageContaining("mvn -B package -pl api -am");
    } finally {
      restore(previous);
    }
  }

  @Test
  void aConfiguredJarIsUsed(@TempDir Path dir) throws Exception {
    Path jar = Files.writeString(dir.resolve("platform.jar"), "not started here");
    String previous = System.getProperty(PlatformProcess.JAR_PROPERTY);
    System.setProperty(PlatformProcess.JAR_PROPERTY, jar.toString());
    try {
      assertThat(PlatformProcess.jar()).isEqualTo(jar.toAbsolutePath());
    } finally {
      restore(previous);
    }
  }

  private static void restore(String previous) {
    if (previous == null) {
      System.clearProperty(PlatformProcess.JAR_PROPERTY);
    } else {
      System.setProperty(PlatformProcess.JAR_PROPERTY, previous);
    }
  }
}
