package io.statecraft.asl.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.expr.Template;
import io.statecraft.asl.model.Catcher;
import io.statecraft.asl.model.DataFlow;
import io.statecraft.asl.model.Retrier;
import io.statecraft.asl.model.Transition;
import io.statecraft.asl.model.ValueSource;
import io.statecraft.asl.model.state.State;
import io.statecraft.asl.model.state.TaskState;
import io.statecraft.asl.validate.DiagnosticCode;
import io.statecraft.asl.validate.ResourceCheck;
import io.statecraft.asl.validate.StateMachineType;
import java.util.List;
import java.util.Optional;

/** {@code "Type": "Task"}. */
final class TaskReader {

  private TaskReader() {}

  static State read(StateSite s) {
    Obj o = s.o();
    ReadContext cx = s.cx();
    int mark = cx.mark();
    String comment = s.comment();
    Transition transition = Common.transition(o);
    String resource = resource(o, ResourceCheck.Use.TASK);
    DataFlow dataFlow = Common.dataFlow(o, s.language(), Common.DataFlowKind.TASK);
    Optional<Template> assign =
        Common.assign(o, s.language(), Common.DataFlowKind.TASK.outputScope());
    Literals.Rule seconds = Literals.integer(1, Common.MAX_SECONDS);
    Optional<ValueSource> timeout =
        Literals.read(
            o,
            s.language(),
            Fields.TIMEOUT_SECONDS,
            Fields.TIMEOUT_SECONDS_PATH,
            seconds,
            Expressions.PathKind.REFERENCE);
    Optional<ValueSource> heartbeat =
        Literals.read(
            o,
            s.language(),
            Fields.HEARTBEAT_SECONDS,
            Fields.HEARTBEAT_SECONDS_PATH,
            seconds,
            Expressions.PathKind.REFERENCE);
    if (timeout.orElse(null) instanceof ValueSource.Literal(JsonNode t)
        && heartbeat.orElse(null) instanceof ValueSource.Literal(JsonNode h)
        && h.decimalValue().compareTo(t.decimalValue()) >= 0) {
      cx.schema(
          "The value of the field 'HeartbeatSeconds' must be smaller than the value of the field"
              + " 'TimeoutSeconds'",
          o.at(Fields.HEARTBEAT_SECONDS));
    }
    Optional<Template> credentials = credentials(o, s);
    List<Retrier> retry = Common.retry(o);
    List<Catcher> catchers = Common.catchers(o, s.language());
    if (cx.failedSince(mark)) {
      return null;
    }
    return new TaskState(
        s.name(),
        comment,
        s.language(),
        transition,
        resource,
        dataFlow,
        assign,
        timeout,
        heartbeat,
        credentials,
        retry,
        catchers);
  }

  /**
   * A {@code Resource} ARN: its syntax here, whether the platform can run it through the validation
   * options.
   */
  static String resource(Obj o, ResourceCheck.Use use) {
    String resource = o.requiredString(Fields.RESOURCE);
    if (resource == null) {
      return null;
    }
    String at = o.at(Fields.RESOURCE);
    if (!Arns.isValid(resource)) {
      o.cx.schema("Value is not a valid resource ARN", at);
      return null;
    }
    if (use == ResourceCheck.Use.TASK
        && o.cx.options.type() == StateMachineType.EXPRESS
        && !expressResource(o, resource, at)) {
      return null;
    }
    Optional<String> problem;
    try {
      problem = o.cx.options.resourceCheck().problem(use, resource);
      if (problem == null) {
        problem = Optional.empty();
      }
    } catch (RuntimeException e) {
      problem = Optional.of("the resource check failed: " + e);
    }
    if (problem.isPresent()) {
      o.cx.error(
          DiagnosticCode.INVALID_RESOURCE,
          "The resource provided " + resource + " is not supported: " + problem.get(),
          at);
      return null;
    }
    return resource;
  }

  // Express workflows cannot wait: no .sync or .waitForTaskToken integrations, no activities.
  private static boolean expressResource(Obj o, String resource, String at) {
    String pattern = Arns.integrationPattern(resource);
    if (pattern != null) {
      o.cx.error(
          DiagnosticCode.INVALID_RESOURCE,
          "Express state machines do not support the '" + pattern + "' integration pattern",
          at);
      return false;
    }
    if (Arns.isActivity(resource)) {
      o.cx.error(
          DiagnosticCode.INVALID_RESOURCE, "Express state machines do not support activities", at);
      return false;
    }
    return true;
  }

  private static Optional<Template> credentials(Obj o, StateSite s) {
    Obj credentials = o.object(Fields.CREDENTIALS);
    if (credentials == null) {
      return Optional.empty();
    }
    credentials.checkFields(Schemas.CREDENTIALS_FIELDS, s.language());
    if (!credentials.has(Fields.ROLE_ARN)
        && !credentials.has(Fields.ROLE_ARN + Fields.DYNAMIC_SUFFIX)) {
      credentials.required(Fields.ROLE_ARN);
      return Optional.empty();
    }
    return Common.template(o, Fields.CREDENTIALS, s.language(), Common.TemplateShape.OBJECT);
  }
}
