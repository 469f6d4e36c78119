package io.statecraft.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.api.config.StatecraftProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Checks that environment variables handed to the platform (by docker-compose.yml or ops/k8s) are
 * settings it actually reads: {@code STATECRAFT_*} ones are bound to {@link StatecraftProperties}
 * exactly as Spring Boot binds the process environment, and must arrive with the value given; the
 * others must be properties some Spring Boot module declares.
 */
final class PlatformEnvironment {

  /** Read by the JVM itself, not by Spring. */
  private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

  private static final Set<String> SPRING_PROPERTIES = new TreeSet<>();
  private static final Set<String> SPRING_MAP_PROPERTIES = new TreeSet<>();

  private PlatformEnvironment() {}

  /** What is wrong with {@code environment}, each problem prefixed with {@code where}. */
  static List<String> problems(String where, Map<String, String> environment) {
    Map<String, Object> source = new LinkedHashMap<>(environment);
    Binder binder =
        new Binder(
            ConfigurationPropertySources.from(
                new SystemEnvironmentPropertySource(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source)));
    StatecraftProperties bound = binder.bindOrCreate("statecraft", StatecraftProperties.class);
    Map<String, String> boundValues = new TreeMap<>();
    flatten("STATECRAFT", bound, boundValues);

    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> variable : environment.entrySet()) {
      String name = variable.getKey();
      if (name.startsWith("STATECRAFT_")) {
        String value = boundValues.get(name);
        if (value == null) {
          problems.add(where + ": " + name + " sets no statecraft.* property");
        } else if (!value.equalsIgnoreCase(variable.getValue().trim())) {
          problems.add(
              where + ": " + name + " binds as '" + value + "', not '" + variable.getValue() + "'");
        }
      } else if (!JVM_VARIABLES.contains(name) && !isSpringProperty(name)) {
        problems.add(where + ": " + name + " is not a property any Spring Boot module declares");
      }
    }
    return problems;
  }

  private static boolean isSpringProperty(String variable) {
    loadSpringMetadata();
    if (SPRING_PROPERTIES.contains(variable)) {
      return true;
    }
    return SPRING_MAP_PROPERTIES.stream().anyMatch(prefix -> variable.startsWith(prefix + "_"));
  }

  private static synchronized void loadSpringMetadata() {
    if (!SPRING_PROPERTIES.isEmpty()) {
      return;
    }
    ObjectMapper mapper = new ObjectMapper();
    try {
      Enumeration<URL> files =
          PlatformEnvironment.class
              .getClassLoader()
              .getResources("META-INF/spring-configuration-metadata.json");
      while (files.hasMoreElements()) {
        try (InputStream in = files.nextElement().openStream()) {
          for (JsonNode property : mapper.readTree(in).path("properties")) {
            String env = environmentForm(property.path("name").asText());
            SPRING_PROPERTIES.add(env);
            if (property.path("type").asText().startsWith("java.util.Map")) {
              SPRING_MAP_PROPERTIES.add(env);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!SPRING_PROPERTIES.contains("SERVER_ADDRESS")) {
      throw new AssertionError("Spring Boot's configuration metadata is not on the classpath");
    }
  }

  /** Spring Boot's environment-variable form of a property name. */
  static String environmentForm(String property) {
    return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
  }

  private static void flatten(String prefix, Object value, Map<String, String> out) {
    if (value == null) {
      return;
    }
    if (value instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        try {
          flatten(
              prefix + "_" + component.getName().toUpperCase(Locale.ROOT),
              component.getAccessor().invoke(record),
              out);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException(e);
        }
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        flatten(prefix + "_" + i, list.get(i), out);
      }
    } else if (value instanceof Enum<?> constant) {
      out.put(prefix, constant.name());
    } else {
      out.put(prefix, value.toString());
    }
  }
}
