package io.statecraft.workflows;

import io.statecraft.asl.validate.ResourceCheck;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Task resources the platform runs, and how each becomes Temporal work. It is the {@link
 * ResourceCheck} the api validates definitions with ({@code INVALID_RESOURCE} for anything else),
 * and the table the interpreter workflow schedules tasks by.
 *
 * <table>
 *   <caption>Resources</caption>
 *   <tr><th>Resource</th><th>Runs as</th><th>The task receives</th><th>The state's result</th></tr>
 *   <tr><td>{@code arn:aws:states:<region>:<account>:activity:<Name>}</td>
 *       <td>activity type {@code <Name>}</td><td>the effective parameters</td>
 *       <td>what the task returned</td></tr>
 *   <tr><td>{@code arn:aws:lambda:<region>:<account>:function:<Name>[:<qualifier>]}</td>
 *       <td>activity type {@code <Name>}</td><td>the effective parameters</td>
 *       <td>what the task returned</td></tr>
 *   <tr><td>{@code arn:aws:states:::lambda:invoke} and {@code .waitForTaskToken}</td>
 *       <td>activity type {@code <Name>} from {@code FunctionName} (a name, {@code name:alias},
 *       {@code account:function:name} or a function ARN)</td>
 *       <td>{@code Payload} ({@code {}} when absent)</td>
 *       <td>AWS's Lambda envelope: {@code {"ExecutedVersion", "Payload": <returned>,
 *       "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode": 200}}</td></tr>
 *   <tr><td>{@code arn:aws:states:::http:invoke}</td>
 *       <td>the built-in HTTP activity, type {@code arn:aws:states:::http:invoke}</td>
 *       <td>the effective parameters</td><td>the HTTP response, shaped like AWS's</td></tr>
 *   <tr><td>{@code arn:aws:states:::states:startExecution}, {@code .sync}, {@code .sync:2},
 *       {@code .waitForTaskToken}</td>
 *       <td>a child execution of the state machine {@code StateMachineArn} names, prepared by the
 *       {@link NestedExecutions} activity</td>
 *       <td>{@code Input} (JSON, or JSON text), {@code Name}</td>
 *       <td>{@code {"ExecutionArn", "StartDate"}}; with {@code .sync} the child's {@code
 *       DescribeExecution} (with {@code Input} and {@code Output} as JSON text; as JSON with {@code
 *       .sync:2})</td></tr>
 *   <tr><td>an integration added with {@link #withIntegration}, and its {@code
 *       .waitForTaskToken} form</td><td>the activity type given</td>
 *       <td>the effective parameters</td><td>what the task returned</td></tr>
 * </table>
 *
 * <p>Any partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov}), region and account is
 * accepted. With {@code .waitForTaskToken} the task is scheduled as above, its own result is
 * ignored, and the state waits for {@code SendTaskSuccess} or {@code SendTaskFailure} with its
 * {@code $$.Task.Token}; TimeoutSeconds covers the whole wait and HeartbeatSeconds the time between
 * {@code SendTaskHeartbeat}s, counted from when the task returned. Distributed Map {@code
 * ItemReader} and {@code ResultWriter} resources need external storage and are not supported.
 *
 * <p>Integrations are workflow code as far as replay is concerned: change one only for new
 * executions, as any change to how a running execution schedules its tasks would break its replay.
 */
public final class ResourceCatalog implements ResourceCheck {

  /** How a resource runs. */
  public enum Kind {
    /** A Step Functions activity ARN. */
    ACTIVITY,
    /** A Lambda function ARN called directly. */
    LAMBDA_FUNCTION,
    /** {@code arn:aws:states:::lambda:invoke}. */
    LAMBDA_INVOKE,
    /** {@code arn:aws:states:::http:invoke}. */
    HTTP_INVOKE,
    /** {@code arn:aws:states:::states:startExecution}. */
    START_EXECUTION,
    /** An integration added with {@link #withIntegration}. */
    INTEGRATION
  }

  /** The service integration pattern the resource's suffix asks for. */
  public enum IntegrationPattern {
    /** No suffix: the state ends when the call returns. */
    REQUEST_RESPONSE,
    /** {@code .sync}: the state waits for the job (a child execution) to end. */
    SYNC,
    /** {@code .sync:2}: as {@code .sync}, with the job's input and output as JSON. */
    SYNC_2,
    /** {@code .waitForTaskToken}: the state waits for a callback with its task token. */
    WAIT_FOR_TASK_TOKEN
  }

  /**
   * How one resource runs.
   *
   * @param kind what it is
   * @param activityType the activity type it runs as, or {@code null} when it is decided by the
   *     parameters ({@code lambda:invoke}) or no activity runs ({@code states:startExecution})
   * @param pattern what its suffix asks for
   */
  public record Binding(Kind kind, String activityType, IntegrationPattern pattern) {
    public Binding {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(pattern, "pattern");
    }
  }

  /** The activity type of the built-in HTTP Task. */
  public static final String HTTP_INVOKE = "arn:aws:states:::http:invoke";

  private static final String PARTITION = "arn:(?:aws|aws-cn|aws-us-gov):";
  private static final Pattern ACTIVITY =
      Pattern.compile(PARTITION + "states:[a-z0-9-]+:\\d{12}:activity:([^:\\s]+)");
  private static final Pattern FUNCTION =
      Pattern.compile(PARTITION + "lambda:[a-z0-9-]+:\\d{12}:function:([^:\\s]+)(?::[^:\\s]+)?");
  private static final Pattern SERVICE =
      Pattern.compile(PARTITION + "states:::([a-zA-Z0-9-]+:[a-zA-Z0-9]+)");
  private static final String WAIT = ".waitForTaskToken";

  private static final ResourceCatalog STANDARD = new ResourceCatalog(Map.of());

  private final Map<String, String> integrations;

  private ResourceCatalog(Map<String, String> integrations) {
    this.integrations = Collections.unmodifiableMap(new TreeMap<>(integrations));
  }

  /** The resources in the table above, without added integrations. */
  public static ResourceCatalog standard() {
    return STANDARD;
  }

  /**
   * This catalog plus {@code resource} (without a {@code .waitForTaskToken} suffix), run as the
   * activity type {@code activityType} with the effective parameters as input and its result
   * unchanged. An integration takes precedence over the standard rule for the same resource, so a
   * deployment can, for example, run {@code arn:aws:states:::sqs:sendMessage} as a task of its own.
   */
  public ResourceCatalog withIntegration(String resource, String activityType) {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(activityType, "activityType");
    if (resource.isBlank() || resource.endsWith(WAIT)) {
      throw new IllegalArgumentException(
          "an integration is a resource ARN without the "
              + WAIT
              + " suffix, was '"
              + resource
              + "'");
    }
    if (activityType.isBlank()) {
      throw new IllegalArgumentException("the activity type of '" + resource + "' is blank");
    }
    Map<String, String> more = new TreeMap<>(integrations);
    more.put(resource, activityType);
    return new ResourceCatalog(more);
  }

  /** The added integrations: resource to activity type. */
  public Map<String, String> integrations() {
    return integrations;
  }

  /** How {@code resource} runs, or empty when this catalog does not support it. */
  public Optional<Binding> bind(String resource) {
    if (resource == null) {
      return Optional.empty();
    }
    boolean waits = resource.endsWith(WAIT);
    String base = waits ? resource.substring(0, resource.length() - WAIT.length()) : resource;
    IntegrationPattern waitOrCall =
        waits ? IntegrationPattern.WAIT_FOR_TASK_TOKEN : IntegrationPattern.REQUEST_RESPONSE;
    String integration = integrations.get(base);
    if (integration != null) {
      return Optional.of(new Binding(Kind.INTEGRATION, integration, waitOrCall));
    }
    Matcher m = ACTIVITY.matcher(resource);
    if (m.matches()) {
      return Optional.of(
          new Binding(Kind.ACTIVITY, m.group(1), IntegrationPattern.REQUEST_RESPONSE));
    }
    m = FUNCTION.matcher(resource);
    if (m.matches()) {
      return Optional.of(
          new Binding(Kind.LAMBDA_FUNCTION, m.group(1), IntegrationPattern.REQUEST_RESPONSE));
    }
    String service = base;
    IntegrationPattern pattern = waitOrCall;
    if (!waits && resource.endsWith(".sync:2")) {
      service = resource.substring(0, resource.length() - ".sync:2".length());
      pattern = IntegrationPattern.SYNC_2;
    } else if (!waits && resource.endsWith(".sync")) {
      service = resource.substring(0, resource.length() - ".sync".length());
      pattern = IntegrationPattern.SYNC;
    }
    m = SERVICE.matcher(service);
    if (!m.matches()) {
      return Optional.empty();
    }
    return switch (m.group(1)) {
      case "lambda:invoke" ->
          pattern == IntegrationPattern.SYNC || pattern == IntegrationPattern.SYNC_2
              ? Optional.empty()
              : Optional.of(new Binding(Kind.LAMBDA_INVOKE, null, pattern));
      case "http:invoke" ->
          pattern == IntegrationPattern.REQUEST_RESPONSE
              ? Optional.of(new Binding(Kind.HTTP_INVOKE, HTTP_INVOKE, pattern))
              : Optional.empty();
      case "states:startExecution" -> Optional.of(new Binding(Kind.START_EXECUTION, null, pattern));
      default -> Optional.empty();
    };
  }

  /** Whether this catalog runs {@code resource}. */
  public boolean supports(String resource) {
    return bind(resource).isPresent();
  }

  @Override
  public Optional<String> problem(Use use, String resource) {
    return switch (use) {
      case TASK ->
          supports(resource)
              ? Optional.empty()
              : Optional.of(
                  "The resource '"
                      + resource
                      + "' is not supported. Supported are activity ARNs, Lambda function ARNs,"
                      + " arn:aws:states:::lambda:invoke[.waitForTaskToken],"
                      + " arn:aws:states:::http:invoke,"
                      + " arn:aws:states:::states:startExecution[.sync|.sync:2|.waitForTaskToken]"
                      + (integrations.isEmpty()
                          ? ""
                          : " and the configured integrations " + integrations.keySet())
                      + ".");
      case ITEM_READER, RESULT_WRITER ->
          Optional.of(
              "The resource '"
                  + resource
                  + "' needs external storage, which this platform does not provide: pass the"
                  + " items in the state input and take the results from the state output.");
    };
  }
}
