package io.statecraft.api.executions;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.statecraft.activities.PercentEncoding;
import java.util.Objects;

/**
 * Links from an execution to its workflow in the Temporal Web UI ({@code
 * <ui>/namespaces/<namespace>/workflows/<workflowId>/<runId>/history}), where the workflow id is
 * {@code <stateMachineName>/<executionName>}.
 */
public final class TemporalLinks {

  /**
   * Where an execution lives in Temporal.
   *
   * @param runId the run linked to, or {@code null} before the workflow started
   * @param webUiUrl the page of the run in the Web UI; before the workflow started, the workflow
   *     list filtered by its id
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Link(String namespace, String workflowId, String runId, String webUiUrl) {}

  private final String uiUrl;
  private final String namespace;

  /**
   * @param uiUrl the Web UI's base URL, such as {@code http://localhost:8233}
   * @param namespace the namespace executions run in
   */
  public TemporalLinks(String uiUrl, String namespace) {
    String base = Objects.requireNonNull(uiUrl, "uiUrl").trim();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    this.uiUrl = base;
    this.namespace = Objects.requireNonNull(namespace, "namespace");
  }

  public String namespace() {
    return namespace;
  }

  /** The link to a workflow run, or to the workflow's listing when the run is not known. */
  public Link link(String workflowId, String runId) {
    String workflows = uiUrl + "/namespaces/" + encode(namespace) + "/workflows";
    String url =
        runId == null
            ? workflows + "?query=" + encode("WorkflowId=\"" + workflowId + "\"")
            : workflows + "/" + encode(workflowId) + "/" + encode(runId) + "/history";
    return new Link(namespace, workflowId, runId, url);
  }

  /**
   * Percent-encodes everything but RFC 3986's unreserved characters, so {@code /} is {@code %2F}.
   */
  static String encode(String text) {
    return PercentEncoding.encode(text);
  }
}
