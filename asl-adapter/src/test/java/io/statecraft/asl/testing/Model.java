package io.statecraft.asl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.statecraft.asl.expr.Template;
import io.statecraft.asl.model.Catcher;
import io.statecraft.asl.model.DataFlow;
import io.statecraft.asl.model.Graph;
import io.statecraft.asl.model.JitterStrategy;
import io.statecraft.asl.model.PathSpec;
import io.statecraft.asl.model.QueryLanguage;
import io.statecraft.asl.model.ResultPathSpec;
import io.statecraft.asl.model.Retrier;
import io.statecraft.asl.model.StateMachine;
import io.statecraft.asl.model.Transition;
import io.statecraft.asl.model.ValueSource;
import io.statecraft.asl.model.choice.Choice;
import io.statecraft.asl.model.state.ChoiceState;
import io.statecraft.asl.model.state.FailState;
import io.statecraft.asl.model.state.MapState;
import io.statecraft.asl.model.state.ParallelState;
import io.statecraft.asl.model.state.PassState;
import io.statecraft.asl.model.state.State;
import io.statecraft.asl.model.state.SucceedState;
import io.statecraft.asl.model.state.TaskState;
import io.statecraft.asl.model.state.WaitState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Builds model states by hand for tests, with the reader's defaults. */
public final class Model {

  private Model() {}

  public static StateMachine machine(String startAt, State... states) {
    return machine(OptionalInt.empty(), startAt, states);
  }

  public static StateMachine machine(OptionalInt timeoutSeconds, String startAt, State... states) {
    return new StateMachine(
        graph(startAt, states),
        QueryLanguage.JSONPATH,
        null,
        timeoutSeconds,
        JsonNodeFactory.instance.objectNode());
  }

  public static Graph graph(String startAt, State... states) {
    Map<String, State> map = new LinkedHashMap<>();
    for (State s : states) {
      map.put(s.name(), s);
    }
    return new Graph(null, startAt, map);
  }

  public static Retrier retrier(
      List<String> errors, int interval, int maxAttempts, double backoff) {
    return new Retrier(
        errors, interval, maxAttempts, backoff, OptionalInt.empty(), JitterStrategy.NONE, null);
  }

  public static Retrier retrier(
      List<String> errors,
      int interval,
      int maxAttempts,
      double backoff,
      OptionalInt maxDelay,
      JitterStrategy jitter) {
    return new Retrier(errors, interval, maxAttempts, backoff, maxDelay, jitter, null);
  }

  public static Catcher catcher(List<String> errors, String next, String resultPath) {
    return new Catcher(
        errors,
        next,
        resultPath == null
            ? ResultPathSpec.REPLACE
            : new ResultPathSpec.Write(Fakes.resultPath(resultPath)),
        Optional.empty(),
        Optional.empty(),
        null);
  }

  public static Catcher catcher(
      List<String> errors, String next, Template output, Template assign) {
    return new Catcher(
        errors,
        next,
        ResultPathSpec.REPLACE,
        Optional.ofNullable(output),
        Optional.ofNullable(assign),
        null);
  }

  /** A fluent builder for any state's common fields. */
  public static final class B {
    final String name;
    QueryLanguage language = QueryLanguage.JSONPATH;
    Transition transition = new Transition.End();
    PathSpec inputPath = PathSpec.IDENTITY;
    PathSpec outputPath = PathSpec.IDENTITY;
    ResultPathSpec resultPath = ResultPathSpec.REPLACE;
    Optional<Template> parameters = Optional.empty();
    Optional<Template> resultSelector = Optional.empty();
    Optional<Template> arguments = Optional.empty();
    Optional<Template> output = Optional.empty();
    Optional<Template> assign = Optional.empty();
    Optional<JsonNode> result = Optional.empty();
    List<Retrier> retry = new ArrayList<>();
    List<Catcher> catchers = new ArrayList<>();

    B(String name) {
      this.name = name;
    }

    public B next(String next) {
      transition = new Transition.Next(next);
      return this;
    }

    public B jsonata() {
      language = QueryLanguage.JSONATA;
      return this;
    }

    public B inputPath(String p) {
      inputPath = p == null ? PathSpec.EMPTY : new PathSpec.Select(Fakes.path(p));
      return this;
    }

    public B outputPath(String p) {
      outputPath = p == null ? PathSpec.EMPTY : new PathSpec.Select(Fakes.path(p));
      return this;
    }

    public B resultPath(String p) {
      resultPath =
          p == null ? ResultPathSpec.DISCARD : new ResultPathSpec.Write(Fakes.resultPath(p));
      return this;
    }

    public B parameters(String json) {
      parameters = Optional.of(Fakes.template(json));
      return this;
    }

    public B resultSelector(String json) {
      resultSelector = Optional.of(Fakes.template(json));
      return this;
    }

    public B arguments(Template t) {
      arguments = Optional.of(t);
      return this;
    }

    public B output(Template t) {
      output = Optional.of(t);
      return this;
    }

    public B assign(String json) {
      assign = Optional.of(Fakes.template(json));
      return this;
    }

    public B assign(Template t) {
      assign = Optional.of(t);
      return this;
    }

    public B result(String json) {
      result = Optional.of(Fakes.json(json));
      return this;
    }

    public B retry(Retrier... retriers) {
      retry.addAll(List.of(retriers));
      return this;
    }

    public B catchers(Catcher... c) {
      catchers.addAll(List.of(c));
      return this;
    }

    DataFlow flow() {
      return language == QueryLanguage.JSONATA
          ? new DataFlow.Jsonata(arguments, output)
          : new DataFlow.JsonPath(inputPath, parameters, resultSelector, resultPath, outputPath);
    }

    public PassState pass() {
      return new PassState(name, null, language, transition, flow(), result, assign);
    }

    public SucceedState succeed() {
      return new SucceedState(name, null, language, flow());
    }

    public FailState fail(ValueSource error, ValueSource cause) {
      return new FailState(
          name, null, language, Optional.ofNullable(error), Optional.ofNullable(cause));
    }

    public WaitState waitFor(WaitState.WaitFor until) {
      return new WaitState(name, null, language, transition, until, flow(), assign);
    }

    public ChoiceState choice(List<Choice> choices, String defaultState) {
      return new ChoiceState(
          name, null, language, choices, Optional.ofNullable(defaultState), flow(), assign);
    }

    public TaskState task(String resource) {
      return task(resource, Optional.empty(), Optional.empty());
    }

    public TaskState task(
        String resource, Optional<ValueSource> timeout, Optional<ValueSource> heartbeat) {
      return new TaskState(
          name,
          null,
          language,
          transition,
          resource,
          flow(),
          assign,
          timeout,
          heartbeat,
          Optional.empty(),
          retry,
          catchers);
    }

    public ParallelState parallel(Graph... branches) {
      return new ParallelState(
          name, null, language, transition, List.of(branches), flow(), assign, retry, catchers);
    }

    public MapState map(MapState.ItemProcessor processor, MapOptions o) {
      return new MapState(
          name,
          null,
          language,
          transition,
          processor,
          Optional.ofNullable(o.items),
          Optional.ofNullable(o.itemSelector),
          Optional.empty(),
          Optional.ofNullable(o.batcher),
          Optional.empty(),
          Optional.ofNullable(o.maxConcurrency),
          Optional.ofNullable(o.toleratedPercentage),
          Optional.ofNullable(o.toleratedCount),
          o.label,
          flow(),
          assign,
          retry,
          catchers);
    }
  }

  /** Map-only fields. */
  public static final class MapOptions {
    public ValueSource items;
    public Template itemSelector;
    public MapState.ItemBatcher batcher;
    public ValueSource maxConcurrency;
    public ValueSource toleratedPercentage;
    public ValueSource toleratedCount;
    public String label;
  }

  public static B state(String name) {
    return new B(name);
  }

  public static ValueSource literal(String json) {
    return new ValueSource.Literal(Fakes.json(json));
  }

  public static ValueSource path(String field, String path) {
    return new ValueSource.Dynamic(field, Fakes.path(path));
  }

  public static MapState.ItemProcessor inline(Graph graph) {
    return new MapState.ItemProcessor(graph, MapState.ProcessorMode.INLINE, null, false);
  }

  public static MapState.ItemProcessor distributed(Graph graph) {
    return new MapState.ItemProcessor(
        graph, MapState.ProcessorMode.DISTRIBUTED, MapState.ExecutionType.STANDARD, false);
  }
}
