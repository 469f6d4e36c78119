package io.statecraft.api.ops;

import static io.statecraft.api.ops.DeploymentFiles.cast;
import static io.statecraft.api.ops.DeploymentFiles.interpolate;
import static io.statecraft.api.ops.DeploymentFiles.list;
import static io.statecraft.api.ops.DeploymentFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.workflows.StatecraftSearchAttributes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot be started here (there is no Docker engine), so everything that can be
 * checked without one is: pinned images, files it mounts, startup order, ports, health checks,
 * credentials, and that Prometheus and Grafana are wired to what the file defines. {@code
 * docker-compose config -q} (api/src/test/sh/compose-config.sh, in the integration-test phase)
 * checks the syntax.
 */
class ComposeFileTest {

  static final Path ROOT = DeploymentFiles.root();
  static final Map<String, Object> COMPOSE =
      DeploymentFiles.yaml(ROOT.resolve("docker-compose.yml"));
  static final Map<String, Object> SERVICES = map(COMPOSE, "services");

  /** Services built from ops/Dockerfile: the platform in its two roles. */
  static final Set<String> PLATFORM = Set.of("api", "worker");

  /** An exact version: at least major.minor, e.g. 16.13, 1.31.2, v3.5.0. */
  private static final Pattern EXACT_TAG = Pattern.compile("v?\\d+\\.\\d+[0-9A-Za-z._-]*");

  static Map<String, Object> service(String name) {
    assertThat(SERVICES).as("services").containsKey(name);
    return map(SERVICES, name);
  }

  static boolean isOneShot(Map<String, Object> service) {
    return "no".equals(String.valueOf(service.get("restart")));
  }

  static Map<String, String> environment(String name) {
    Map<String, String> environment = new TreeMap<>();
    Object raw = service(name).get("environment");
    if (raw instanceof Map<?, ?> values) {
      values.forEach((k, v) -> environment.put(k.toString(), interpolate(String.valueOf(v))));
    } else if (raw instanceof List<?> values) {
      for (Object entry : values) {
        String[] parts = entry.toString().split("=", 2);
        environment.put(parts[0], parts.length > 1 ? interpolate(parts[1]) : "");
      }
    }
    return environment;
  }

  @Test
  void definesTheWholeDurablePlatform() {
    assertThat(SERVICES)
        .containsOnlyKeys(
            "temporal-postgresql",
            "temporal-schema",
            "temporal",
            "temporal-namespace",
            "temporal-ui",
            "statecraft-postgresql",
            "api",
            "worker",
            "prometheus",
            "grafana");
  }

  @Test
  void everyImageIsPinnedToAnExactTag() {
    for (String name : SERVICES.keySet()) {
      Map<String, Object> service = service(name);
      String image = (String) service.get("image");
      assertThat(image).as("%s: image", name).isNotBlank();
      int colon = image.lastIndexOf(':');
      assertThat(colon).as("%s: %s has no tag", name, image).isGreaterThan(image.lastIndexOf('/'));
      String tag = image.substring(colon + 1);
      assertThat(tag).as("%s: %s", name, image).isNotEqualTo("latest").matches(EXACT_TAG);
    }
    assertThat(service("temporal").get("image")).isEqualTo("temporalio/server:1.31.2");
    assertThat(service("temporal-schema").get("image")).isEqualTo("temporalio/admin-tools:1.31.2");
    assertThat(service("temporal-namespace").get("image"))
        .isEqualTo("temporalio/admin-tools:1.31.2");
    assertThat((String) service("temporal-postgresql").get("image")).startsWith("postgres:16.");
    assertThat((String) service("statecraft-postgresql").get("image")).startsWith("postgres:16.");
  }

  @Test
  void theDockerfilePinsItsBaseImagesAndRunsUnprivileged() {
    String dockerfile = DeploymentFiles.read(ROOT.resolve("ops/Dockerfile"));
    Matcher from =
        Pattern.compile("(?m)^FROM\\s+(\\S+)(?:\\s+AS\\s+\\S+)?\\s*$").matcher(dockerfile);
    List<String> bases = new ArrayList<>();
    while (from.find()) {
      bases.add(from.group(1));
    }
    assertThat(bases).hasSize(2);
    for (String base : bases) {
      assertThat(base).contains(":");
      String tag = base.substring(base.indexOf(':') + 1);
      assertThat(tag).as(base).doesNotStartWith("latest").matches("\\d+\\.\\d+.*");
    }
    assertThat(bases.get(0)).as("build stage").contains("temurin-21");
    assertThat(bases.get(1)).as("runtime stage").startsWith("eclipse-temurin:21.").contains("-jre");
    assertThat(dockerfile).containsPattern("(?m)^USER 10001:10001$");
    assertThat(dockerfile).contains("/actuator/health/readiness").contains("HEALTHCHECK");
    // The jar the build produces (api's finalName) is the one copied and run.
    assertThat(dockerfile)
        .contains("api/target/statecraft.jar")
        .contains("/opt/statecraft/statecraft.jar\"]");
  }

  @Test
  void everythingItBuildsFromOrMountsExistsUnderOps() {
    Set<String> namedVolumes = map(COMPOSE, "volumes").keySet();
    for (String name : SERVICES.keySet()) {
      Map<String, Object> service = service(name);
      if (service.containsKey("build")) {
        Map<String, Object> build = map(service, "build");
        Path context = ROOT.resolve((String) build.get("context")).normalize();
        assertThat(context).as("%s: build context", name).isDirectory();
        Path dockerfile = context.resolve((String) build.get("dockerfile")).normalize();
        assertThat(dockerfile).as("%s: dockerfile", name).isRegularFile();
        assertThat(dockerfile).startsWith(ROOT.resolve("ops"));
      }
      for (Object volume : list(service, "volumes")) {
        String spec = interpolate(volume.toString());
        String source = spec.split(":")[0];
        if (source.startsWith(".") || source.startsWith("/")) {
          Path path = ROOT.resolve(source).normalize();
          assertThat(path).as("%s mounts %s", name, source).exists();
          assertThat(path).as("%s mounts %s", name, source).startsWith(ROOT.resolve("ops"));
          assertThat(spec).as("%s: configuration is mounted read-only", name).endsWith(":ro");
        } else {
          assertThat(namedVolumes).as("%s: volume %s is declared", name, source).contains(source);
        }
      }
    }
  }

  @Test
  void scriptsTheServicesRunAreMountedWhereTheyAreCalled() {
    for (String name : List.of("temporal-schema", "temporal-namespace", "prometheus")) {
      Map<String, Object> service = service(name);
      List<Object> entrypoint = list(service, "entrypoint");
      String script = entrypoint.get(entrypoint.size() - 1).toString();
      boolean found = false;
      for (Object volume : list(service, "volumes")) {
        String[] parts = volume.toString().split(":");
        if (parts[0].startsWith(".") && script.startsWith(parts[1] + "/")) {
          Path file = ROOT.resolve(parts[0]).resolve(script.substring(parts[1].length() + 1));
          assertThat(file).as("%s runs %s", name, script).isRegularFile();
          found = true;
        }
      }
      assertThat(found).as("%s: %s is in a mounted directory", name, script).isTrue();
    }
  }

  @Test
  void theScriptsAreValidShell() throws Exception {
    List<Path> scripts =
        List.of(
            ROOT.resolve("ops/temporal/scripts/setup-schema.sh"),
            ROOT.resolve("ops/temporal/scripts/create-namespace.sh"),
            ROOT.resolve("ops/prometheus/entrypoint.sh"));
    for (Path script : scripts) {
      // The images run them with a POSIX sh (busybox); `sh -n` parses without running.
      assertThat(DeploymentFiles.read(script)).startsWith("#!/bin/sh\n");
      Process check =
          new ProcessBuilder("sh", "-n", script.toString()).redirectErrorStream(true).start();
      String output = new String(check.getInputStream().readAllBytes());
      assertThat(check.waitFor()).as("sh -n %s: %s", script, output).isZero();
    }
  }

  @Test
  void theNamespaceJobRegistersEverySearchAttributeTheWorkflowsUse() {
    String script = DeploymentFiles.read(ROOT.resolve("ops/temporal/scripts/create-namespace.sh"));
    for (String attribute : StatecraftSearchAttributes.all().keySet()) {
      assertThat(script).contains(attribute);
    }
    assertThat(script).contains("--type Keyword");
    assertThat(environment("temporal-namespace").get("STATECRAFT_NAMESPACE"))
        .isEqualTo(environment("api").get("STATECRAFT_TEMPORAL_NAMESPACE"))
        .isEqualTo(environment("worker").get("STATECRAFT_TEMPORAL_NAMESPACE"))
        .isEqualTo(environment("temporal-ui").get("TEMPORAL_DEFAULT_NAMESPACE"));
  }

  @Test
  void theSchemaJobUsesTheTemporalDatabaseCredentials() {
    Map<String, String> schema = environment("temporal-schema");
    Map<String, String> server = environment("temporal");
    Map<String, String> database = environment("temporal-postgresql");
    assertThat(schema.get("SQL_HOST")).isEqualTo(server.get("POSTGRES_SEEDS"));
    assertThat(SERVICES).containsKey(server.get("POSTGRES_SEEDS"));
    assertThat(schema.get("SQL_USER"))
        .isEqualTo(server.get("POSTGRES_USER"))
        .isEqualTo(database.get("POSTGRES_USER"));
    assertThat(schema.get("SQL_PASSWORD"))
        .isEqualTo(server.get("POSTGRES_PWD"))
        .isEqualTo(database.get("POSTGRES_PASSWORD"));
    assertThat(
            DeploymentFiles.read(ROOT.resolve("ops/postgres/temporal/10-visibility-database.sql")))
        .contains("CREATE DATABASE temporal_visibility");
  }

  @Test
  void thePlatformHasItsOwnDatabase() {
    Map<String, String> api = environment("api");
    String url = api.get("SPRING_DATASOURCE_URL");
    assertThat(url).isEqualTo("jdbc:postgresql://statecraft-postgresql:5432/statecraft");
    Map<String, String> database = environment("statecraft-postgresql");
    assertThat(api.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(database.get("POSTGRES_USER"));
    assertThat(api.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(database.get("POSTGRES_PASSWORD"));
    assertThat(database.get("POSTGRES_DB")).isEqualTo("statecraft");
    assertThat(environment("worker")).doesNotContainKey("SPRING_DATASOURCE_PASSWORD");
  }

  @Test
  void theWorkerIsScalable() {
    Map<String, Object> worker = service("worker");
    assertThat(worker).doesNotContainKeys("container_name", "ports", "hostname");
    assertThat(map(worker, "deploy")).doesNotContainKey("replicas");
    assertThat(environment("worker")).containsEntry("STATECRAFT_ROLE", "worker");
    assertThat(environment("api")).containsEntry("STATECRAFT_ROLE", "api");
  }

  @Test
  void publishedPortsDoNotClash() {
    Map<Integer, String> hostPorts = new HashMap<>();
    for (String name : SERVICES.keySet()) {
      for (Object port : list(service(name), "ports")) {
        String[] parts = interpolate(port.toString()).split(":");
        assertThat(parts).as("%s: %s publishes on an address and a port", name, port).hasSize(3);
        int host = Integer.parseInt(parts[1]);
        String previous = hostPorts.put(host, name);
        assertThat(previous)
            .as("host port %d is published by %s and %s", host, previous, name)
            .isNull();
      }
    }
    assertThat(hostPorts)
        .containsEntry(8080, "api")
        .containsEntry(8233, "temporal-ui")
        .containsEntry(3000, "grafana")
        .containsEntry(9090, "prometheus")
        .containsEntry(7233, "temporal");
    // By default nothing listens beyond loopback: the UI, Temporal and Prometheus have no login.
    for (String name : SERVICES.keySet()) {
      for (Object port : list(service(name), "ports")) {
        assertThat(interpolate(port.toString())).startsWith("127.0.0.1:");
      }
    }
  }

  @Test
  void everyLongRunningServiceHasAHealthCheck() {
    for (String name : SERVICES.keySet()) {
      Map<String, Object> service = service(name);
      if (isOneShot(service)) {
        assertThat(service).as(name).doesNotContainKey("healthcheck");
        continue;
      }
      Map<String, Object> healthcheck = map(service, "healthcheck");
      assertThat(healthcheck).as("%s: healthcheck", name).containsKey("test");
      List<Object> test = list(healthcheck, "test");
      assertThat(test.get(0)).as(name).isIn("CMD", "CMD-SHELL");
      assertThat(healthcheck).as(name).containsKeys("interval", "timeout", "retries");
    }
    assertThat(list(map(service("api"), "healthcheck"), "test"))
        .contains("http://127.0.0.1:8080/actuator/health/readiness");
  }

  @Test
  void dependenciesWaitForHealthOrCompletion() {
    for (String name : SERVICES.keySet()) {
      Object raw = service(name).get("depends_on");
      if (raw == null) {
        continue;
      }
      assertThat(raw).as("%s: depends_on names its conditions", name).isInstanceOf(Map.class);
      Map<String, Object> dependsOn = cast(raw);
      dependsOn.forEach(
          (dependency, value) -> {
            Map<String, Object> target = service(dependency);
            String condition =
                (String) DeploymentFiles.<Map<String, Object>>cast(value).get("condition");
            String expected =
                isOneShot(target) ? "service_completed_successfully" : "service_healthy";
            assertThat(condition).as("%s waits for %s", name, dependency).isEqualTo(expected);
          });
    }
    assertThat(order())
        .containsSubsequence("temporal-postgresql", "temporal-schema", "temporal")
        .containsSubsequence("temporal", "temporal-namespace", "api")
        .containsSubsequence("temporal-namespace", "worker")
        .containsSubsequence("statecraft-postgresql", "api")
        .containsSubsequence("temporal-namespace", "temporal-ui")
        .containsSubsequence("prometheus", "grafana");
  }

  /** The services in an order compose can start them in; fails on a cycle. */
  static List<String> order() {
    List<String> ordered = new ArrayList<>();
    Set<String> visiting = new LinkedHashSet<>();
    for (String name : new TreeMap<>(SERVICES).keySet()) {
      visit(name, ordered, visiting);
    }
    return ordered;
  }

  private static void visit(String name, List<String> ordered, Set<String> visiting) {
    if (ordered.contains(name)) {
      return;
    }
    assertThat(visiting.add(name)).as("dependency cycle through %s", visiting).isTrue();
    Object raw = service(name).get("depends_on");
    if (raw instanceof Map<?, ?> dependsOn) {
      for (Object dependency : new TreeMap<>(dependsOn).keySet()) {
        visit(dependency.toString(), ordered, visiting);
      }
    }
    visiting.remove(name);
    ordered.add(name);
  }

  @Test
  void authenticationIsOnWithCredentials() {
    for (String name : PLATFORM) {
      Map<String, String> environment = environment(name);
      assertThat(environment)
          .as(name)
          .containsEntry("STATECRAFT_SECURITY_ENABLED", "true")
          .containsEntry("SERVER_ADDRESS", "0.0.0.0")
          .doesNotContainKey("STATECRAFT_SECURITY_ALLOWINSECURE");
      assertThat(environment.get("STATECRAFT_SECURITY_APIKEYS_0")).as(name).isNotBlank();
      assertThat(environment.get("STATECRAFT_SECURITY_AWSCREDENTIALS_0_ACCESSKEYID")).isNotBlank();
      assertThat(environment.get("STATECRAFT_SECURITY_AWSCREDENTIALS_0_SECRETACCESSKEY"))
          .isNotBlank();
    }
  }

  @Test
  void thePlatformEnvironmentSetsRealProperties() {
    List<String> problems = new ArrayList<>();
    for (String name : PLATFORM) {
      problems.addAll(
          PlatformEnvironment.problems("docker-compose.yml " + name, environment(name)));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theEnvironmentCheckCatchesAMisspelledSetting() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("STATECRAFT_SECURITY_ENABLE", "true");
    environment.put("STATECRAFT_SECURITY_APIKEYS_0", "k");
    environment.put("SPRING_DATASOURCE_URI", "jdbc:postgresql://db/x");
    environment.put("STATECRAFT_ROLE", "api");
    assertThat(PlatformEnvironment.problems("sample", environment))
        .containsExactlyInAnyOrder(
            "sample: STATECRAFT_SECURITY_ENABLE sets no statecraft.* property",
            "sample: SPRING_DATASOURCE_URI is not a property any Spring Boot module declares");
  }

  @Test
  void prometheusScrapesTheApiEveryWorkerAndTemporal() {
    Map<String, Object> prometheus =
        DeploymentFiles.yaml(ROOT.resolve("ops/prometheus/prometheus.yml"));
    String entrypoint = DeploymentFiles.read(ROOT.resolve("ops/prometheus/entrypoint.sh"));
    assertThat(entrypoint).contains("--config.file=/etc/prometheus/statecraft/prometheus.yml");
    assertThat(list(service("prometheus"), "volumes"))
        .contains("./ops/prometheus:/etc/prometheus/statecraft:ro");

    Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
    for (Object job : list(prometheus, "scrape_configs")) {
      Map<String, Object> config = cast(job);
      jobs.put((String) config.get("job_name"), config);
    }
    assertThat(jobs).containsKeys("statecraft-api", "statecraft-worker", "temporal-server");

    Set<String> scrapedServices = new LinkedHashSet<>();
    jobs.forEach(
        (job, config) -> {
          for (Object staticConfig : list(config, "static_configs")) {
            for (Object target : list(cast(staticConfig), "targets")) {
              String host = target.toString().split(":")[0];
              if (!host.equals("127.0.0.1")) {
                assertThat(SERVICES).as("%s scrapes %s", job, target).containsKey(host);
                scrapedServices.add(host);
              }
              assertPortServed(job, host, target.toString().split(":")[1]);
            }
          }
          for (Object dns : list(config, "dns_sd_configs")) {
            Map<String, Object> sd = cast(dns);
            for (Object host : list(sd, "names")) {
              assertThat(SERVICES).as("%s resolves %s", job, host).containsKey(host.toString());
              scrapedServices.add(host.toString());
              assertPortServed(job, host.toString(), sd.get("port").toString());
            }
          }
        });
    assertThat(scrapedServices).contains("api", "worker", "temporal");
    // Replicas come and go with --scale: the worker is found by DNS, not listed.
    assertThat(list(jobs.get("statecraft-worker"), "dns_sd_configs")).isNotEmpty();

    Map<String, String> api = environment("api");
    for (String job : List.of("statecraft-api", "statecraft-worker")) {
      Map<String, Object> config = jobs.get(job);
      assertThat(config.get("metrics_path")).isEqualTo("/actuator/prometheus");
      Map<String, Object> basicAuth = map(config, "basic_auth");
      assertThat(basicAuth.get("username")).isEqualTo(api.get("STATECRAFT_SECURITY_USERS_0_NAME"));
      assertThat(entrypoint).contains("> " + basicAuth.get("password_file"));
    }
    assertThat(environment("prometheus").get("STATECRAFT_METRICS_PASSWORD"))
        .isEqualTo(api.get("STATECRAFT_SECURITY_USERS_0_PASSWORD"))
        .isEqualTo(environment("worker").get("STATECRAFT_SECURITY_USERS_0_PASSWORD"));
  }

  private static void assertPortServed(String job, String host, String port) {
    switch (host) {
      case "api", "worker" ->
          assertThat(environment(host).get("SERVER_PORT")).as("%s port", job).isEqualTo(port);
      case "temporal" ->
          assertThat(environment("temporal").get("PROMETHEUS_ENDPOINT"))
              .as("%s port", job)
              .endsWith(":" + port);
      case "127.0.0.1" -> assertThat(port).isEqualTo("9090");
      default -> throw new AssertionError(job + " scrapes an unexpected host " + host);
    }
  }

  @Test
  void grafanaIsProvisionedWithThePrometheusOfThisFileAndTheDashboard() {
    Map<String, Object> datasources =
        DeploymentFiles.yaml(ROOT.resolve("ops/grafana/provisioning/datasources/prometheus.yml"));
    Map<String, Object> datasource = cast(list(datasources, "datasources").get(0));
    assertThat(datasource.get("type")).isEqualTo("prometheus");
    assertThat(datasource.get("url")).isEqualTo("http://prometheus:9090");
    assertThat(datasource.get("uid")).isEqualTo(GrafanaDashboardTest.DATASOURCE_UID);

    Map<String, Object> dashboards =
        DeploymentFiles.yaml(ROOT.resolve("ops/grafana/provisioning/dashboards/statecraft.yml"));
    Map<String, Object> provider = cast(list(dashboards, "providers").get(0));
    String path = (String) map(provider, "options").get("path");
    assertThat(list(service("grafana"), "volumes"))
        .contains("./ops/grafana/dashboards:" + path + ":ro")
        .contains("./ops/grafana/provisioning:/etc/grafana/provisioning:ro");
    assertThat(environment("grafana").get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"))
        .isEqualTo(path + "/statecraft.json");
    assertThat(ROOT.resolve("ops/grafana/dashboards/statecraft.json")).isRegularFile();
    assertThat(environment("grafana").get("GF_SECURITY_ADMIN_PASSWORD")).isNotBlank();
  }

  @Test
  void theTemporalServerLoadsTheDynamicConfigurationItIsGiven() {
    Map<String, String> temporal = environment("temporal");
    String path = temporal.get("DYNAMIC_CONFIG_FILE_PATH");
    assertThat(path).startsWith("config/dynamicconfig/");
    assertThat(list(service("temporal"), "volumes"))
        .contains("./ops/temporal/dynamicconfig:/etc/temporal/config/dynamicconfig:ro");
    Path file =
        ROOT.resolve("ops/temporal/dynamicconfig")
            .resolve(path.substring("config/dynamicconfig/".length()));
    assertThat(file).isRegularFile();
    assertThat(DeploymentFiles.yaml(file)).containsKey("limit.maxIDLength");
    assertThat(temporal).containsEntry("DB", "postgres12").containsEntry("BIND_ON_IP", "0.0.0.0");
  }

  @Test
  void everyVariableHasADefault() throws Exception {
    // interpolate() fails on a variable without a default; run it over the whole file.
    String text = Files.readString(ROOT.resolve("docker-compose.yml"));
    assertThat(interpolate(text)).doesNotContain("${");
  }
}
