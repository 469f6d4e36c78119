package io.statecraft.asl.read;

import static io.statecraft.asl.read.ProjectDefinitionsTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.Asl;
import io.statecraft.asl.expr.PathExpr;
import io.statecraft.asl.expr.jsonata.JsonataExpression;
import io.statecraft.asl.expr.jsonata.JsonataTemplate;
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
import io.statecraft.asl.model.choice.ChoiceRule;
import io.statecraft.asl.model.choice.ComparisonOperator;
import io.statecraft.asl.model.state.ChoiceState;
import io.statecraft.asl.model.state.FailState;
import io.statecraft.asl.model.state.MapState;
import io.statecraft.asl.model.state.ParallelState;
import io.statecraft.asl.model.state.PassState;
import io.statecraft.asl.model.state.SucceedState;
import io.statecraft.asl.model.state.TaskState;
import io.statecraft.asl.model.state.WaitState;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Every state type and field, read back from the model. */
class StateReadingTest {

  private static StateMachine read(String name) {
    return Asl.read(resource(name));
  }

  private static JsonNode literal(ValueSource source) {
    assertThat(source).isInstanceOf(ValueSource.Literal.class);
    return ((ValueSource.Literal) source).value();
  }

  private static String dynamic(ValueSource source) {
    assertThat(source).isInstanceOf(ValueSource.Dynamic.class);
    ValueSource.Dynamic d = (ValueSource.Dynamic) source;
    return d.field() + "=" + d.expression().text();
  }

  private static DataFlow.JsonPath jsonPath(DataFlow flow) {
    assertThat(flow).isInstanceOf(DataFlow.JsonPath.class);
    return (DataFlow.JsonPath) flow;
  }

  private static String path(PathSpec spec) {
    return spec instanceof PathSpec.Select(PathExpr p) ? p.text() : spec.getClass().getSimpleName();
  }

  @Test
  void readsTheStateMachineFields() {
    StateMachine machine = read("pass-data-flow.json");
    assertThat(machine.queryLanguage()).isEqualTo(QueryLanguage.JSONPATH);
    assertThat(machine.version()).isEqualTo("1.0");
    assertThat(machine.timeoutSeconds()).isEqualTo(OptionalInt.of(60));
    assertThat(machine.graph().startAt()).isEqualTo("Inject");
    assertThat(machine.graph().states().keySet()).containsExactly("Inject", "Reshape", "Nothing");
    assertThat(machine.source().get("StartAt").textValue()).isEqualTo("Inject");
  }

  @Test
  void readsPassStates() {
    Graph graph = read("pass-data-flow.json").graph();
    PassState inject = (PassState) graph.state("Inject");
    assertThat(inject.comment()).isEqualTo("Puts a literal into the input");
    assertThat(inject.result())
        .hasValueSatisfying(r -> assertThat(r.get("greeting").textValue()).isEqualTo("hello"));
    assertThat(inject.transition()).isEqualTo(new Transition.Next("Reshape"));
    DataFlow.JsonPath injectFlow = jsonPath(inject.dataFlow());
    assertThat(injectFlow.resultPath()).isInstanceOf(ResultPathSpec.Write.class);
    assertThat(((ResultPathSpec.Write) injectFlow.resultPath()).path().text())
        .isEqualTo("$.injected");

    PassState reshape = (PassState) graph.state("Reshape");
    DataFlow.JsonPath flow = jsonPath(reshape.dataFlow());
    assertThat(path(flow.inputPath())).isEqualTo("$.injected");
    assertThat(flow.parameters())
        .hasValueSatisfying(t -> assertThat(t.source().has("first.$")).isTrue());
    assertThat(flow.resultPath()).isEqualTo(ResultPathSpec.REPLACE);
    assertThat(flow.outputPath()).isEqualTo(PathSpec.IDENTITY);

    PassState nothing = (PassState) graph.state("Nothing");
    DataFlow.JsonPath none = jsonPath(nothing.dataFlow());
    assertThat(none.inputPath()).isEqualTo(PathSpec.EMPTY);
    assertThat(none.resultPath()).isEqualTo(ResultPathSpec.DISCARD);
    assertThat(none.outputPath()).isEqualTo(PathSpec.EMPTY);
    assertThat(nothing.transition()).isEqualTo(new Transition.End());
  }

  @Test
  void readsTaskStates() {
    Graph graph = read("task-everything.json").graph();
    TaskState call = (TaskState) graph.state("Call");
    assertThat(call.resource()).isEqualTo("arn:aws:states:::http:invoke");
    DataFlow.JsonPath flow = jsonPath(call.dataFlow());
    assertThat(path(flow.inputPath())).isEqualTo("$.request");
    assertThat(flow.parameters()).isPresent();
    assertThat(flow.resultSelector()).isPresent();
    assertThat(((ResultPathSpec.Write) flow.resultPath()).path().text()).isEqualTo("$.response");
    assertThat(path(flow.outputPath())).isEqualTo("$.response");
    assertThat(dynamic(call.timeoutSeconds().orElseThrow()))
        .isEqualTo("TimeoutSecondsPath=$.timeout");
    assertThat(literal(call.heartbeatSeconds().orElseThrow()).intValue()).isEqualTo(30);
    assertThat(call.credentials())
        .hasValueSatisfying(t -> assertThat(t.source().has("RoleArn.$")).isTrue());
    assertThat(call.assign()).isPresent();
    assertThat(call.retry())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.errorEquals()).containsExactly("States.Timeout", "States.TaskFailed");
              assertThat(r.intervalSeconds()).isEqualTo(Retrier.DEFAULT_INTERVAL_SECONDS);
              assertThat(r.maxAttempts()).isEqualTo(Retrier.DEFAULT_MAX_ATTEMPTS);
              assertThat(r.backoffRate()).isEqualTo(Retrier.DEFAULT_BACKOFF_RATE);
              assertThat(r.maxDelaySeconds()).isEmpty();
              assertThat(r.jitterStrategy()).isEqualTo(JitterStrategy.NONE);
            });
    assertThat(call.catchers())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.errorEquals()).containsExactly("States.ALL");
              assertThat(c.next()).isEqualTo("Callback");
              assertThat(c.resultPath()).isEqualTo(ResultPathSpec.REPLACE);
            });

    TaskState callback = (TaskState) graph.state("Callback");
    assertThat(literal(callback.timeoutSeconds().orElseThrow()).intValue()).isEqualTo(300);
    assertThat(dynamic(callback.heartbeatSeconds().orElseThrow()))
        .isEqualTo("HeartbeatSecondsPath=$.beat");
    assertThat(callback.credentials()).isEmpty();
  }

  @Test
  void readsRetriersAndCatchersWithEveryField() {
    ParallelState both = (ParallelState) read("parallel-retry-catch.json").graph().state("Both");
    TaskState charge = (TaskState) both.branches().get(0).state("Charge");
    Retrier busy = charge.retry().get(0);
    assertThat(busy.errorEquals()).containsExactly("Payment.Busy");
    assertThat(busy.intervalSeconds()).isEqualTo(2);
    assertThat(busy.maxAttempts()).isEqualTo(5);
    assertThat(busy.backoffRate()).isEqualTo(1.5);
    assertThat(busy.maxDelaySeconds()).isEqualTo(OptionalInt.of(30));
    assertThat(busy.comment()).isEqualTo("busy");
    assertThat(charge.retry().get(1).maxAttempts()).isZero();

    List<Catcher> catchers = both.catchers();
    assertThat(catchers).extracting(Catcher::next).containsExactly("Declined", "Declined");
    assertThat(((ResultPathSpec.Write) catchers.get(0).resultPath()).path().text())
        .isEqualTo("$.error");
    assertThat(catchers.get(0).comment()).isEqualTo("declined");
    assertThat(catchers.get(1).resultPath()).isEqualTo(ResultPathSpec.DISCARD);
  }

  @Test
  void readsParallelStates() {
    ParallelState both = (ParallelState) read("parallel-retry-catch.json").graph().state("Both");
    assertThat(both.branches()).hasSize(2);
    assertThat(both.branches().get(0).comment()).isEqualTo("charge");
    assertThat(both.branches().get(1).startAt()).isEqualTo("Reserve");
    DataFlow.JsonPath flow = jsonPath(both.dataFlow());
    assertThat(flow.parameters()).isPresent();
    assertThat(flow.resultSelector()).isPresent();
    assertThat(both.retry())
        .extracting(r -> r.errorEquals().get(0))
        .containsExactly("States.BranchFailed");
    assertThat(both.transition()).isEqualTo(new Transition.Next("Done"));
  }

  @Test
  void readsChoiceStates() {
    ChoiceState route = (ChoiceState) read("choice-operators.json").graph().state("Route");
    assertThat(route.defaultState()).hasValue("Ship");
    List<Choice> choices = route.choices();
    assertThat(choices).hasSize(11);
    ChoiceRule.Comparison first = (ChoiceRule.Comparison) choices.get(0).rule();
    assertThat(first.variable().text()).isEqualTo("$.status");
    assertThat(first.operator()).isEqualTo(ComparisonOperator.STRING_EQUALS);
    assertThat(((ChoiceRule.Literal) first.operand()).value().textValue()).isEqualTo("PAID");
    assertThat(choices.get(0).next()).isEqualTo("Ship");

    ChoiceRule.Comparison byPath = (ChoiceRule.Comparison) choices.get(4).rule();
    assertThat(byPath.operator()).isEqualTo(ComparisonOperator.NUMERIC_LESS_THAN_PATH);
    assertThat(((ChoiceRule.PathOperand) byPath.operand()).path().text())
        .isEqualTo("$.limits.small");

    ChoiceRule.And and = (ChoiceRule.And) choices.get(10).rule();
    assertThat(and.rules()).hasSize(3);
    assertThat(and.rules().get(1)).isInstanceOf(ChoiceRule.Not.class);
    assertThat(((ChoiceRule.Or) and.rules().get(2)).rules())
        .extracting(r -> ((ChoiceRule.Comparison) r).operator())
        .containsExactly(
            ComparisonOperator.IS_BOOLEAN,
            ComparisonOperator.IS_STRING,
            ComparisonOperator.IS_TIMESTAMP);
    assertThat(choices.get(10).comment()).isEqualTo("International orders get a look");
  }

  @Test
  void readsWaitStates() {
    Graph graph = read("wait-variants.json").graph();
    WaitState zero = (WaitState) graph.state("Zero");
    assertThat(literal(((WaitState.Seconds) zero.until()).value()).intValue()).isZero();
    WaitState fromPath = (WaitState) graph.state("FromPath");
    assertThat(dynamic(((WaitState.Seconds) fromPath.until()).value()))
        .isEqualTo("SecondsPath=$.seconds");
    WaitState until = (WaitState) graph.state("Until");
    assertThat(literal(((WaitState.Timestamp) until.until()).value()).textValue())
        .isEqualTo("2016-03-05T21:29:29.243167252Z");
    WaitState untilPath = (WaitState) graph.state("UntilPath");
    assertThat(dynamic(((WaitState.Timestamp) untilPath.until()).value()))
        .isEqualTo("TimestampPath=$.when");
  }

  @Test
  void readsFailAndSucceedStates() {
    Graph graph = read("fail-paths.json").graph();
    FailState fromInput = (FailState) graph.state("FromInput");
    assertThat(dynamic(fromInput.error().orElseThrow())).isEqualTo("ErrorPath=$.error");
    assertThat(dynamic(fromInput.cause().orElseThrow())).isEqualTo("CausePath=$.cause");
    FailState computed = (FailState) graph.state("Computed");
    assertThat(dynamic(computed.error().orElseThrow())).startsWith("ErrorPath=States.Format(");
    assertThat(literal(computed.cause().orElseThrow()).textValue())
        .isEqualTo("computed from the input");

    SucceedState ship = (SucceedState) read("choice-operators.json").graph().state("Ship");
    assertThat(ship.dataFlow()).isEqualTo(DataFlow.JsonPath.DEFAULT);
  }

  @Test
  void readsInlineMapsWithTheLegacyIterator() {
    MapState each = (MapState) read("map-iterator-legacy.json").graph().state("Each");
    assertThat(each.processor().legacy()).isTrue();
    assertThat(each.processor().mode()).isEqualTo(MapState.ProcessorMode.INLINE);
    assertThat(each.processor().executionType()).isNull();
    assertThat(each.processor().graph().states()).containsKeys("Validate", "Stop");
    assertThat(dynamic(each.items().orElseThrow())).isEqualTo("ItemsPath=$.shipped");
    assertThat(dynamic(each.maxConcurrency().orElseThrow()))
        .isEqualTo("MaxConcurrencyPath=$.concurrency");
    assertThat(each.itemSelector())
        .hasValueSatisfying(t -> assertThat(t.source().has("parcel.$")).isTrue());
    DataFlow.JsonPath flow = jsonPath(each.dataFlow());
    assertThat(flow.parameters()).as("a Map's Parameters is its ItemSelector").isEmpty();
    assertThat(path(flow.inputPath())).isEqualTo("$.detail");
  }

  @Test
  void readsDistributedMapsWithReaderBatcherAndWriter() {
    Graph graph = read("map-distributed.json").graph();
    MapState process = (MapState) graph.state("Process");
    assertThat(process.label()).isEqualTo("ProcessOrders");
    assertThat(process.processor().mode()).isEqualTo(MapState.ProcessorMode.DISTRIBUTED);
    assertThat(process.processor().executionType()).isEqualTo(MapState.ExecutionType.EXPRESS);
    assertThat(process.processor().legacy()).isFalse();
    assertThat(literal(process.maxConcurrency().orElseThrow()).intValue()).isEqualTo(100);
    assertThat(dynamic(process.toleratedFailurePercentage().orElseThrow()))
        .isEqualTo("ToleratedFailurePercentagePath=$.tolerance");
    assertThat(literal(process.toleratedFailureCount().orElseThrow()).intValue()).isEqualTo(5);
    MapState.ItemBatcher batcher = process.itemBatcher().orElseThrow();
    assertThat(literal(batcher.maxItemsPerBatch().orElseThrow()).intValue()).isEqualTo(10);
    assertThat(dynamic(batcher.maxInputBytesPerBatch().orElseThrow()))
        .isEqualTo("MaxInputBytesPerBatchPath=$.maxBytes");
    assertThat(batcher.batchInput()).isPresent();
    MapState.ResultWriter writer = process.resultWriter().orElseThrow();
    assertThat(writer.resource()).isEqualTo("arn:aws:states:::s3:putObject");
    assertThat(writer.parameters()).isPresent();
    assertThat(writer.outputType()).isEqualTo("JSONL");
    assertThat(writer.transformation()).isEqualTo("COMPACT");

    MapState read = (MapState) graph.state("Read");
    MapState.ItemReader reader = read.itemReader().orElseThrow();
    assertThat(reader.resource()).isEqualTo("arn:aws:states:::s3:getObject");
    assertThat(reader.parameters()).isPresent();
    MapState.ReaderConfig config = reader.readerConfig().orElseThrow();
    assertThat(config.inputType()).isEqualTo("CSV");
    assertThat(config.csvHeaderLocation()).isEqualTo("GIVEN");
    assertThat(config.csvHeaders()).containsExactly("id", "amount");
    assertThat(config.csvDelimiter()).isEqualTo("SEMICOLON");
    assertThat(dynamic(config.maxItems().orElseThrow())).isEqualTo("MaxItemsPath=$.limit");
    assertThat(read.processor().executionType()).isEqualTo(MapState.ExecutionType.STANDARD);
  }

  @Test
  void readsVariablesInEveryPlaceAssignIsAllowed() {
    Graph graph = read("variables.json").graph();
    assertThat(((PassState) graph.state("Remember")).assign()).isPresent();
    assertThat(((WaitState) graph.state("Wait")).assign()).isPresent();
    ChoiceState use = (ChoiceState) graph.state("Use");
    assertThat(use.assign()).isPresent();
    assertThat(use.choices().get(0).assign()).isPresent();
    ChoiceRule.Comparison rule = (ChoiceRule.Comparison) use.choices().get(0).rule();
    assertThat(rule.variable().root()).isEqualTo(PathExpr.Root.VARIABLE);
  }

  @Test
  void resolvesTheQueryLanguageOfEachState() {
    StateMachine machine = read("mixed-query-languages.json");
    assertThat(machine.queryLanguage()).isEqualTo(QueryLanguage.JSONPATH);
    assertThat(machine.graph().state("Path").queryLanguage()).isEqualTo(QueryLanguage.JSONPATH);
    assertThat(machine.graph().state("Ata").queryLanguage()).isEqualTo(QueryLanguage.JSONATA);
    assertThat(((PassState) machine.graph().state("Ata")).dataFlow())
        .isInstanceOfSatisfying(DataFlow.Jsonata.class, f -> assertThat(f.output()).isPresent());
    assertThat(machine.graph().state("Back").queryLanguage()).isEqualTo(QueryLanguage.JSONPATH);
  }

  @Test
  void readsEveryJsonataField() {
    StateMachine machine = read("jsonata-machine.json");
    assertThat(machine.queryLanguage()).isEqualTo(QueryLanguage.JSONATA);
    assertThat(machine.timeoutSeconds()).isEqualTo(OptionalInt.of(3600));
    Graph graph = machine.graph();

    PassState prepare = (PassState) graph.state("Prepare");
    assertThat(prepare.assign()).isPresent();
    assertThat(prepare.result()).isEmpty();
    assertThat(((DataFlow.Jsonata) prepare.dataFlow()).output()).isPresent();

    ChoiceState decide = (ChoiceState) graph.state("Decide");
    Choice first = decide.choices().get(0);
    assertThat(((ChoiceRule.Condition) first.rule()).expression().text())
        .contains("$count > $threshold");
    assertThat(first.assign()).isPresent();
    assertThat(first.output()).isPresent();
    ChoiceRule.Condition literal = (ChoiceRule.Condition) decide.choices().get(1).rule();
    assertThat(literal.literal().booleanValue()).isFalse();
    assertThat(decide.assign()).isPresent();

    TaskState process = (TaskState) graph.state("Process");
    DataFlow.Jsonata flow = (DataFlow.Jsonata) process.dataFlow();
    assertThat(flow.arguments()).isPresent();
    // Each expression names its field, as AWS's error causes do.
    assertThat(((JsonataTemplate) flow.arguments().orElseThrow()).field()).isEqualTo("Arguments");
    assertThat(((JsonataTemplate) flow.output().orElseThrow()).field()).isEqualTo("Output");
    assertThat(
            ((JsonataExpression)
                    ((ValueSource.Dynamic) process.timeoutSeconds().orElseThrow()).expression())
                .field())
        .isEqualTo("TimeoutSeconds");
    assertThat(dynamic(process.timeoutSeconds().orElseThrow())).startsWith("TimeoutSeconds=");
    assertThat(literal(process.heartbeatSeconds().orElseThrow()).intValue()).isEqualTo(5);
    assertThat(process.retry().get(0).jitterStrategy()).isEqualTo(JitterStrategy.FULL);
    Catcher catcher = process.catchers().get(0);
    assertThat(catcher.output()).isPresent();
    assertThat(catcher.assign()).isPresent();

    MapState fan = (MapState) graph.state("Fan");
    assertThat(dynamic(fan.items().orElseThrow())).startsWith("Items=");
    assertThat(fan.itemSelector()).isPresent();
    assertThat(dynamic(fan.maxConcurrency().orElseThrow())).startsWith("MaxConcurrency=");
    assertThat(literal(fan.toleratedFailurePercentage().orElseThrow()).intValue()).isEqualTo(10);
    assertThat(fan.processor().graph().state("Each").queryLanguage())
        .isEqualTo(QueryLanguage.JSONATA);

    assertThat(dynamic(((WaitState.Seconds) ((WaitState) graph.state("Pause")).until()).value()))
        .startsWith("Seconds=");
    assertThat(dynamic(((FailState) graph.state("Fail")).error().orElseThrow()))
        .startsWith("Error=");
    assertThat(literal(((FailState) graph.state("Fail")).cause().orElseThrow()).textValue())
        .isEqualTo("processing failed");
    assertThat(((DataFlow.Jsonata) ((SucceedState) graph.state("Done")).dataFlow()).output())
        .isPresent();
  }

  @Test
  void readsJsonataItemsArraysAsLiteralsOrTemplates() {
    String plain =
        "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"M\", \"States\": {\"M\": {\"Type\":"
            + " \"Map\", \"Items\": [1, 2], \"End\": true, \"ItemProcessor\": {\"StartAt\": \"I\","
            + " \"States\": {\"I\": {\"Type\": \"Succeed\"}}}}}}";
    MapState literalItems = (MapState) Asl.read(plain).graph().state("M");
    assertThat(literal(literalItems.items().orElseThrow()).size()).isEqualTo(2);

    MapState computed =
        (MapState) Asl.read(plain.replace("[1, 2]", "[1, \"{% 1 + 1 %}\"]")).graph().state("M");
    assertThat(dynamic(computed.items().orElseThrow())).startsWith("Items=[1,");
  }
}
