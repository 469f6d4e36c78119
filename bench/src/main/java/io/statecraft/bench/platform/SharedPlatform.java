package io.statecraft.bench.platform;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * One platform process for every scenario of a run that needs one: its start (the embedded Temporal
 * server and the Spring context) takes many seconds, which the quick run cannot pay twice.
 */
public final class SharedPlatform implements AutoCloseable {

  private PlatformProcess platform;

  /** The running platform, started on first use. */
  public synchronized PlatformProcess get(Consumer<String> log)
      throws IOException, InterruptedException {
    if (platform == null) {
      platform = PlatformProcess.start(PlatformProcess.jar(), log);
    }
    return platform;
  }

  @Override
  public synchronized void close() {
    if (platform != null) {
      platform.close();
      platform = null;
    }
  }
}
