package io.statecraft.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Statecraft platform service: APIs, console, worker and, by default, an embedded Temporal. */
@SpringBootApplication
public class StatecraftApplication {

  public static void main(String[] args) {
    SpringApplication.run(StatecraftApplication.class, args);
  }
}
