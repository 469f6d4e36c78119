package io.statecraft.api.ops;

import static io.statecraft.api.ops.DeploymentFiles.cast;
import static io.statecraft.api.ops.DeploymentFiles.list;
import static io.statecraft.api.ops.DeploymentFiles.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ops/k8s, checked offline: every object against the Kubernetes API schema (the OpenAPI models of
 * the official Java client reject unknown fields, missing required ones and wrong types), then the
 * references between objects, the probes and the environment the pods get.
 */
class KubernetesManifestsTest {

  static final Path DIR = DeploymentFiles.root().resolve("ops/k8s");

  /** The schema check for each apiVersion/kind the manifests may use. */
  interface SchemaCheck {
    void validate(JsonElement json) throws IOException;
  }

  static final Map<String, SchemaCheck> SCHEMAS =
      Map.of(
          "v1/Namespace", V1Namespace::validateJsonElement,
          "v1/ServiceAccount", V1ServiceAccount::validateJsonElement,
          "v1/ConfigMap", V1ConfigMap::validateJsonElement,
          "v1/Secret", V1Secret::validateJsonElement,
          "v1/Service", V1Service::validateJsonElement,
          "apps/v1/Deployment", V1Deployment::validateJsonElement,
          "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement,
          "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler::validateJsonElement);

  static final Map<String, Map<String, Object>> OBJECTS = load();

  private static Map<String, Map<String, Object>> load() {
    Map<String, Map<String, Object>> objects = new TreeMap<>();
    for (Path file : manifestFiles()) {
      for (Map<String, Object> object : DeploymentFiles.yamlDocuments(file)) {
        String key = object.get("kind") + "/" + map(object, "metadata").get("name");
        assertThat(objects.put(key, object)).as("%s is defined once", key).isNull();
      }
    }
    return objects;
  }

  static List<Path> manifestFiles() {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".yaml"))
          .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> object(String kind, String name) {
    Map<String, Object> object = OBJECTS.get(kind + "/" + name);
    assertThat(object).as("%s %s", kind, name).isNotNull();
    return object;
  }

  static List<Map<String, Object>> all(String kind) {
    List<Map<String, Object>> found = new ArrayList<>();
    OBJECTS.forEach(
        (key, object) -> {
          if (key.startsWith(kind + "/")) {
            found.add(object);
          }
        });
    return found;
  }

  static Map<String, Object> podSpec(Map<String, Object> deployment) {
    return map(map(map(deployment, "spec"), "template"), "spec");
  }

  static Map<String, Object> container(Map<String, Object> deployment) {
    List<Object> containers = list(podSpec(deployment), "containers");
    assertThat(containers).hasSize(1);
    return cast(containers.get(0));
  }

  @Test
  void everyObjectMatchesTheKubernetesApiSchema() throws IOException {
    Gson gson = new Gson();
    assertThat(OBJECTS).isNotEmpty();
    for (Map.Entry<String, Map<String, Object>> entry : OBJECTS.entrySet()) {
      Map<String, Object> object = entry.getValue();
      String type = object.get("apiVersion") + "/" + object.get("kind");
      assertThat(SCHEMAS)
          .as("%s: %s is a kind these manifests use", entry.getKey(), type)
          .containsKey(type);
      SCHEMAS.get(type).validate(gson.toJsonTree(object));
      assertThat(map(object, "metadata").get("namespace"))
          .as("%s: namespace", entry.getKey())
          .isIn("statecraft", null);
    }
  }

  @Test
  void theSchemaCheckRejectsAMisspelledField() {
    Map<String, Object> deployment = new LinkedHashMap<>(object("Deployment", "statecraft-api"));
    Map<String, Object> spec = new LinkedHashMap<>(map(deployment, "spec"));
    spec.put("replica", 2);
    deployment.put("spec", spec);
    assertThatThrownBy(() -> V1Deployment.validateJsonElement(new Gson().toJsonTree(deployment)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("replica");
  }

  @Test
  void kustomizationListsEveryManifest() {
    Map<String, Object> kustomization = DeploymentFiles.yaml(DIR.resolve("kustomization.yaml"));
    Set<String> listed = new TreeSet<>();
    list(kustomization, "resources").forEach(r -> listed.add(r.toString()));
    Set<String> files = new TreeSet<>();
    manifestFiles().forEach(f -> files.add(f.getFileName().toString()));
    assertThat(listed).isEqualTo(files);
    assertThat(kustomization.get("namespace")).isEqualTo("statecraft");
    Map<String, Object> image = cast(list(kustomization, "images").get(0));
    for (Map<String, Object> deployment : all("Deployment")) {
      assertThat((String) container(deployment).get("image"))
          .startsWith(image.get("name") + ":")
          .doesNotEndWith(":latest");
    }
  }

  @Test
  void deploymentsRunTheTwoRolesWithProbesOnTheHealthGroups() {
    Map<String, String> roles = new TreeMap<>();
    for (Map<String, Object> deployment : all("Deployment")) {
      String name = (String) map(deployment, "metadata").get("name");
      Map<String, Object> container = container(deployment);
      Map<String, Object> port = cast(list(container, "ports").get(0));
      assertThat(port.get("name")).isEqualTo("http");
      assertThat(String.valueOf(port.get("containerPort")))
          .isEqualTo(configMap().get("SERVER_PORT"));
      assertThat(probePath(container, "livenessProbe"))
          .as(name)
          .isEqualTo("/actuator/health/liveness");
      assertThat(probePath(container, "startupProbe"))
          .as(name)
          .isEqualTo("/actuator/health/liveness");
      assertThat(probePath(container, "readinessProbe"))
          .as(name)
          .isEqualTo("/actuator/health/readiness");
      for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
        assertThat(map(map(container, probe), "httpGet").get("port")).isEqualTo("http");
      }
      Map<String, Object> resources = map(container, "resources");
      assertThat(map(resources, "requests")).containsKeys("cpu", "memory");
      assertThat(map(resources, "limits")).containsKeys("cpu", "memory");
      for (String bound : List.of("requests", "limits")) {
        // The schema types quantities as strings; their format is Kubernetes' Quantity.
        map(resources, bound).values().forEach(q -> Quantity.fromString(q.toString()));
      }
      for (Object variable : list(container, "env")) {
        Map<String, Object> env = cast(variable);
        if ("STATECRAFT_ROLE".equals(env.get("name"))) {
          roles.put(name, (String) env.get("value"));
        }
      }
    }
    assertThat(roles)
        .containsEntry("statecraft-api", "api")
        .containsEntry("statecraft-worker", "worker");
  }

  private static String probePath(Map<String, Object> container, String probe) {
    return (String) map(map(container, probe), "httpGet").get("path");
  }

  @Test
  void podsRunAsTheImagesUnprivilegedUser() {
    for (Map<String, Object> deployment : all("Deployment")) {
      Map<String, Object> pod = podSpec(deployment);
      Map<String, Object> security = map(pod, "securityContext");
      assertThat(security).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 10001);
      assertThat(pod).containsEntry("automountServiceAccountToken", false);
      Map<String, Object> container = map(container(deployment), "securityContext");
      assertThat(container)
          .containsEntry("allowPrivilegeEscalation", false)
          .containsEntry("readOnlyRootFilesystem", true);
      // A read-only root needs somewhere to write: /tmp and the data directory.
      Set<String> mounts = new TreeSet<>();
      list(container(deployment), "volumeMounts")
          .forEach(
              m ->
                  mounts.add(
                      (String) DeploymentFiles.<Map<String, Object>>cast(m).get("mountPath")));
      assertThat(mounts).contains("/tmp", "/var/lib/statecraft");
    }
    assertThat(DeploymentFiles.read(DeploymentFiles.root().resolve("ops/Dockerfile")))
        .contains("USER 10001:10001")
        .contains("STATECRAFT_DATA_DIR=/var/lib/statecraft");
  }

  @Test
  void selectorsMatchTheirPods() {
    Map<String, Map<String, Object>> podLabels = new TreeMap<>();
    for (Map<String, Object> deployment : all("Deployment")) {
      Map<String, Object> labels =
          map(map(map(map(deployment, "spec"), "template"), "metadata"), "labels");
      Map<String, Object> selector = map(map(map(deployment, "spec"), "selector"), "matchLabels");
      assertThat(labels).containsAllEntriesOf(selector);
      podLabels.put((String) map(deployment, "metadata").get("name"), labels);
    }
    Map<String, Object> service = map(object("Service", "statecraft-api"), "spec");
    assertThat(matching(map(service, "selector"), podLabels)).containsExactly("statecraft-api");
    Map<String, Object> servicePort = cast(list(service, "ports").get(0));
    assertThat(servicePort.get("targetPort")).isEqualTo("http");
    for (Map<String, Object> budget : all("PodDisruptionBudget")) {
      String name = (String) map(budget, "metadata").get("name");
      Map<String, Object> selector = map(map(budget, "spec"), "selector");
      assertThat(matching(map(selector, "matchLabels"), podLabels)).containsExactly(name);
    }
    Map<String, Object> hpa = map(object("HorizontalPodAutoscaler", "statecraft-worker"), "spec");
    Map<String, Object> target = map(hpa, "scaleTargetRef");
    assertThat(target.get("kind")).isEqualTo("Deployment");
    object("Deployment", (String) target.get("name"));
    assertThat(map(object("Deployment", "statecraft-worker"), "spec"))
        .as("the autoscaler owns the worker's replica count")
        .doesNotContainKey("replicas");
  }

  private static List<String> matching(
      Map<String, Object> selector, Map<String, Map<String, Object>> podLabels) {
    List<String> matched = new ArrayList<>();
    podLabels.forEach(
        (name, labels) -> {
          if (labels.entrySet().containsAll(selector.entrySet())) {
            matched.add(name);
          }
        });
    return matched;
  }

  static Map<String, String> configMap() {
    Map<String, String> data = new TreeMap<>();
    map(object("ConfigMap", "statecraft-config"), "data")
        .forEach((k, v) -> data.put(k, v.toString()));
    return data;
  }

  static Map<String, String> secret() {
    Map<String, String> data = new TreeMap<>();
    map(object("Secret", "statecraft-credentials"), "stringData")
        .forEach((k, v) -> data.put(k, v.toString()));
    return data;
  }

  /** The environment a deployment's container gets, resolving envFrom and secretKeyRef. */
  static Map<String, String> environment(Map<String, Object> deployment) {
    Map<String, String> environment = new TreeMap<>();
    Map<String, Object> container = container(deployment);
    for (Object source : list(container, "envFrom")) {
      Map<String, Object> from = cast(source);
      if (from.containsKey("configMapRef")) {
        assertThat(map(from, "configMapRef").get("name")).isEqualTo("statecraft-config");
        environment.putAll(configMap());
      } else {
        assertThat(map(from, "secretRef").get("name")).isEqualTo("statecraft-credentials");
        environment.putAll(secret());
      }
    }
    for (Object variable : list(container, "env")) {
      Map<String, Object> env = cast(variable);
      String name = (String) env.get("name");
      if (env.containsKey("value")) {
        environment.put(name, env.get("value").toString());
      } else {
        Map<String, Object> ref = map(map(env, "valueFrom"), "secretKeyRef");
        assertThat(ref.get("name")).isEqualTo("statecraft-credentials");
        assertThat(secret())
            .as("%s: key %s", name, ref.get("key"))
            .containsKey((String) ref.get("key"));
        environment.put(name, secret().get(ref.get("key")));
      }
    }
    return environment;
  }

  @Test
  void podsGetRealSettingsWithAuthenticationOn() {
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> deployment : all("Deployment")) {
      String name = (String) map(deployment, "metadata").get("name");
      Map<String, String> environment = environment(deployment);
      problems.addAll(PlatformEnvironment.problems("ops/k8s " + name, environment));
      assertThat(environment)
          .as(name)
          .containsEntry("STATECRAFT_SECURITY_ENABLED", "true")
          .containsEntry("SERVER_ADDRESS", "0.0.0.0")
          .containsKey("STATECRAFT_TEMPORAL_TARGET")
          .containsKey("STATECRAFT_SECURITY_APIKEYS_0");
    }
    assertThat(problems).isEmpty();
    assertThat(environment(object("Deployment", "statecraft-api")))
        .containsKeys(
            "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
    assertThat(environment(object("Deployment", "statecraft-worker")))
        .as("workers get no database password")
        .doesNotContainKey("SPRING_DATASOURCE_PASSWORD");
  }
}
