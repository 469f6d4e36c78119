package io.statecraft.asl.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.statecraft.asl.expr.Expression;
import io.statecraft.asl.expr.PathExpr;
import io.statecraft.asl.expr.Template;
import io.statecraft.asl.expr.jsonata.JsonataCompiler;
import io.statecraft.asl.model.Catcher;
import io.statecraft.asl.model.DataFlow;
import io.statecraft.asl.model.QueryLanguage;
import io.statecraft.asl.model.Retrier;
import io.statecraft.asl.model.Transition;
import io.statecraft.asl.model.ValueSource;
import io.statecraft.asl.model.state.MapState;
import io.statecraft.asl.model.state.MapState.ExecutionType;
import io.statecraft.asl.model.state.MapState.ItemBatcher;
import io.statecraft.asl.model.state.MapState.ItemProcessor;
import io.statecraft.asl.model.state.MapState.ItemReader;
import io.statecraft.asl.model.state.MapState.ProcessorMode;
import io.statecraft.asl.model.state.MapState.ReaderConfig;
import io.statecraft.asl.model.state.MapState.ResultWriter;
import io.statecraft.asl.model.state.State;
import io.statecraft.asl.validate.DiagnosticCode;
import io.statecraft.asl.validate.ResourceCheck;
import io.statecraft.asl.validate.StateMachineType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code "Type": "Map"}, inline and distributed. */
final class MapReader {

  /** The longest Map {@code Label}, in characters. */
  static final int MAX_LABEL_LENGTH = 40;

  /** {@code ReaderConfig.MaxItems} cannot exceed this. */
  static final long MAX_READER_ITEMS = 100_000_000L;

  private static final String LABEL_FORBIDDEN = "<>{}[]?*\"#%\\^|~`$&,;:/";

  private MapReader() {}

  static State read(StateSite s) {
    Obj o = s.o();
    ReadContext cx = s.cx();
    QueryLanguage language = s.language();
    int mark = cx.mark();
    String comment = s.comment();
    Transition transition = Common.transition(o);
    ItemProcessor processor = processor(s);
    Optional<ValueSource> items = items(o, language);
    Optional<Template> itemSelector = itemSelector(o, language);
    Optional<ItemReader> itemReader = itemReader(o, language);
    Optional<ItemBatcher> itemBatcher = itemBatcher(o, language);
    Optional<ResultWriter> resultWriter = resultWriter(o, language);
    Optional<ValueSource> maxConcurrency =
        Literals.read(
            o,
            language,
            Fields.MAX_CONCURRENCY,
            Fields.MAX_CONCURRENCY_PATH,
            Literals.integerAtLeast(0),
            Expressions.PathKind.REFERENCE_NO_CONTEXT);
    Optional<ValueSource> toleratedPercentage =
        Literals.read(
            o,
            language,
            Fields.TOLERATED_FAILURE_PERCENTAGE,
            Fields.TOLERATED_FAILURE_PERCENTAGE_PATH,
            Literals.decimal("0.0", "100.0"),
            Expressions.PathKind.REFERENCE_NO_CONTEXT);
    Optional<ValueSource> toleratedCount =
        Literals.read(
            o,
            language,
            Fields.TOLERATED_FAILURE_COUNT,
            Fields.TOLERATED_FAILURE_COUNT_PATH,
            Literals.integerAtLeast(0),
            Expressions.PathKind.REFERENCE_NO_CONTEXT);
    String label = label(o);
    DataFlow dataFlow = Common.dataFlow(o, language, Common.DataFlowKind.MAP);
    Optional<Template> assign = Common.assign(o, language, Common.DataFlowKind.MAP.outputScope());
    List<Retrier> retry = Common.retry(o);
    List<Catcher> catchers = Common.catchers(o, language);
    if (cx.failedSince(mark)) {
      return null;
    }
    return new MapState(
        s.name(),
        comment,
        language,
        transition,
        processor,
        items,
        itemSelector,
        itemReader,
        itemBatcher,
        resultWriter,
        maxConcurrency,
        toleratedPercentage,
        toleratedCount,
        label,
        dataFlow,
        assign,
        retry,
        catchers);
  }

  /** ItemProcessor, or the legacy Iterator. */
  private static ItemProcessor processor(StateSite s) {
    Obj o = s.o();
    if (!o.atMostOne(Fields.ITEM_PROCESSOR, Fields.ITERATOR)) {
      return null;
    }
    boolean legacy = o.has(Fields.ITERATOR);
    if (!legacy && !o.has(Fields.ITEM_PROCESSOR)) {
      o.required(Fields.ITEM_PROCESSOR);
      return null;
    }
    Obj p = o.object(legacy ? Fields.ITERATOR : Fields.ITEM_PROCESSOR);
    if (p == null) {
      return null;
    }
    int mark = o.cx.mark();
    // The processor's states take the state machine's language, not the Map's, as on AWS.
    p.checkFields(Schemas.PROCESSOR, s.language());
    ProcessorMode mode = ProcessorMode.INLINE;
    ExecutionType executionType = null;
    Obj config = p.object(Fields.PROCESSOR_CONFIG);
    if (config != null) {
      config.checkFields(Schemas.PROCESSOR_CONFIG_FIELDS, s.language());
      String modeName = config.oneOf(Fields.MODE, List.of("INLINE", "DISTRIBUTED"));
      String typeName = config.oneOf(Fields.EXECUTION_TYPE, List.of("STANDARD", "EXPRESS"));
      if ("DISTRIBUTED".equals(modeName)) {
        mode = ProcessorMode.DISTRIBUTED;
        if (!config.has(Fields.EXECUTION_TYPE)) {
          config.required(Fields.EXECUTION_TYPE);
        }
        if (o.cx.options.type() == StateMachineType.EXPRESS) {
          o.cx.schema(
              "The field 'Mode' with value 'DISTRIBUTED' is not supported inside 'EXPRESS' state"
                  + " machines",
              config.at(Fields.MODE));
        }
      } else if (config.has(Fields.EXECUTION_TYPE)) {
        o.cx.schema(
            "Field 'ExecutionType' is only supported when 'Mode' is 'DISTRIBUTED'", config.where());
      }
      if (typeName != null) {
        executionType = ExecutionType.valueOf(typeName);
      }
    }
    GraphReader.GraphRead read = GraphReader.read(p, s.depth() + 1);
    s.children().add(read.outline());
    if (o.cx.failedSince(mark) || read.graph() == null) {
      return null;
    }
    return new ItemProcessor(
        read.graph(), mode, mode == ProcessorMode.DISTRIBUTED ? executionType : null, legacy);
  }

  /** ItemsPath (JSONPath) or Items (JSONata). */
  private static Optional<ValueSource> items(Obj o, QueryLanguage language) {
    if (language == QueryLanguage.JSONPATH) {
      if (!o.has(Fields.ITEMS_PATH)) {
        return Optional.empty();
      }
      String text = o.string(Fields.ITEMS_PATH);
      if (text == null) {
        return Optional.empty();
      }
      // Unlike the other ...Path fields of a Map, ItemsPath may read the context object.
      PathExpr path =
          Expressions.path(
              o.cx,
              Fields.ITEMS_PATH,
              text,
              o.at(Fields.ITEMS_PATH),
              Expressions.PathKind.REFERENCE);
      return path == null
          ? Optional.empty()
          : Optional.of(new ValueSource.Dynamic(Fields.ITEMS_PATH, path));
    }
    JsonNode items = o.get(Fields.ITEMS);
    if (items == null) {
      return Optional.empty();
    }
    if (JsonataCompiler.isExpression(items)) {
      Expression expression =
          Expressions.jsonata(
              o.cx,
              Fields.ITEMS,
              items.textValue(),
              o.at(Fields.ITEMS),
              Expressions.StatesScope.PLAIN);
      return expression == null
          ? Optional.empty()
          : Optional.of(new ValueSource.Dynamic(Fields.ITEMS, expression));
    }
    if (!items.isArray()) {
      o.typeError(Fields.ITEMS, "an array or a JSONata expression ({% ... %})");
      return Optional.empty();
    }
    if (!Expressions.hasJsonata(items)) {
      return Optional.of(new ValueSource.Literal(items));
    }
    Template template =
        Expressions.jsonataTemplate(
            o.cx, Fields.ITEMS, items, o.at(Fields.ITEMS), Expressions.StatesScope.PLAIN);
    return template == null
        ? Optional.empty()
        : Optional.of(new ValueSource.Dynamic(Fields.ITEMS, new TemplateExpression(template)));
  }

  /** ItemSelector, or the legacy Parameters of a Map. */
  private static Optional<Template> itemSelector(Obj o, QueryLanguage language) {
    if (!o.atMostOne(Fields.ITEM_SELECTOR, Fields.PARAMETERS)) {
      return Optional.empty();
    }
    if (language == QueryLanguage.JSONPATH && o.has(Fields.PARAMETERS)) {
      return Common.template(o, Fields.PARAMETERS, language, Common.TemplateShape.OBJECT);
    }
    return Common.template(
        o,
        Fields.ITEM_SELECTOR,
        language,
        language == QueryLanguage.JSONATA
            ? Common.TemplateShape.OBJECT_OR_EXPRESSION
            : Common.TemplateShape.OBJECT);
  }

  /** Parameters (JSONPath) or Arguments (JSONata) of an ItemReader or a ResultWriter. */
  private static Optional<Template> parameters(Obj o, QueryLanguage language) {
    return language == QueryLanguage.JSONPATH
        ? Common.template(o, Fields.PARAMETERS, language, Common.TemplateShape.OBJECT)
        : Common.template(o, Fields.ARGUMENTS, language, Common.TemplateShape.OBJECT_OR_EXPRESSION);
  }

  private static Optional<ItemReader> itemReader(Obj o, QueryLanguage language) {
    Obj r = o.object(Fields.ITEM_READER);
    if (r == null) {
      return Optional.empty();
    }
    int mark = o.cx.mark();
    r.checkFields(Schemas.ITEM_READER_FIELDS, language);
    String resource = TaskReader.resource(r, ResourceCheck.Use.ITEM_READER);
    Optional<Template> parameters = parameters(r, language);
    Optional<ReaderConfig> readerConfig = Optional.empty();
    Obj c = r.object(Fields.READER_CONFIG);
    if (c != null) {
      c.checkFields(Schemas.READER_CONFIG_FIELDS, language);
      String inputType =
          c.oneOf(Fields.INPUT_TYPE, List.of("CSV", "JSON", "JSONL", "MANIFEST", "PARQUET"));
      String headerLocation = c.oneOf(Fields.CSV_HEADER_LOCATION, List.of("FIRST_ROW", "GIVEN"));
      List<String> headers = strings(c, Fields.CSV_HEADERS);
      if ("GIVEN".equals(headerLocation) && !c.has(Fields.CSV_HEADERS)) {
        c.required(Fields.CSV_HEADERS);
      }
      String delimiter =
          c.oneOf(Fields.CSV_DELIMITER, List.of("COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"));
      Optional<ValueSource> maxItems =
          Literals.read(
              c,
              language,
              Fields.MAX_ITEMS,
              Fields.MAX_ITEMS_PATH,
              Literals.integer(0, MAX_READER_ITEMS),
              Expressions.PathKind.REFERENCE_NO_CONTEXT);
      readerConfig =
          Optional.of(new ReaderConfig(inputType, headerLocation, headers, delimiter, maxItems));
    }
    if (o.cx.failedSince(mark)) {
      return Optional.empty();
    }
    return Optional.of(new ItemReader(resource, parameters, readerConfig));
  }

  private static List<String> strings(Obj o, String field) {
    List<String> values = new ArrayList<>();
    ArrayNode array = o.array(field);
    if (array == null) {
      return values;
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).isTextual()) {
        values.add(array.get(i).textValue());
      } else {
        o.cx.schema(
            "The elements of the field '" + field + "' must be strings",
            Pointer.child(o.at(field), i));
      }
    }
    return values;
  }

  private static Optional<ItemBatcher> itemBatcher(Obj o, QueryLanguage language) {
    Obj b = o.object(Fields.ITEM_BATCHER);
    if (b == null) {
      return Optional.empty();
    }
    int mark = o.cx.mark();
    b.checkFields(Schemas.ITEM_BATCHER_FIELDS, language);
    Optional<ValueSource> maxItems =
        Literals.read(
            b,
            language,
            Fields.MAX_ITEMS_PER_BATCH,
            Fields.MAX_ITEMS_PER_BATCH_PATH,
            Literals.integerAtLeast(0),
            Expressions.PathKind.REFERENCE_NO_CONTEXT);
    Optional<ValueSource> maxBytes =
        Literals.read(
            b,
            language,
            Fields.MAX_INPUT_BYTES_PER_BATCH,
            Fields.MAX_INPUT_BYTES_PER_BATCH_PATH,
            Literals.integerAtLeast(0),
            Expressions.PathKind.REFERENCE_NO_CONTEXT);
    Optional<Template> batchInput =
        Common.template(
            b,
            Fields.BATCH_INPUT,
            language,
            language == QueryLanguage.JSONATA
                ? Common.TemplateShape.OBJECT_OR_EXPRESSION
                : Common.TemplateShape.OBJECT);
    if (o.cx.failedSince(mark)) {
      return Optional.empty();
    }
    return Optional.of(new ItemBatcher(maxItems, maxBytes, batchInput));
  }

  private static Optional<ResultWriter> resultWriter(Obj o, QueryLanguage language) {
    Obj w = o.object(Fields.RESULT_WRITER);
    if (w == null) {
      return Optional.empty();
    }
    int mark = o.cx.mark();
    w.checkFields(Schemas.RESULT_WRITER_FIELDS, language);
    if (!w.has(Fields.RESOURCE) && !w.has(Fields.WRITER_CONFIG)) {
      o.cx.schema("One of the following fields is required: [Resource, WriterConfig]", w.where());
    }
    String resource =
        w.has(Fields.RESOURCE) ? TaskReader.resource(w, ResourceCheck.Use.RESULT_WRITER) : null;
    Optional<Template> parameters = parameters(w, language);
    String outputType = null;
    String transformation = null;
    Obj c = w.object(Fields.WRITER_CONFIG);
    if (c != null) {
      c.checkFields(Schemas.WRITER_CONFIG_FIELDS, language);
      outputType = c.oneOf(Fields.OUTPUT_TYPE, List.of("JSON", "JSONL"));
      transformation = c.oneOf(Fields.TRANSFORMATION, List.of("NONE", "COMPACT", "FLATTEN"));
    }
    if (o.cx.failedSince(mark)) {
      return Optional.empty();
    }
    return Optional.of(new ResultWriter(resource, parameters, outputType, transformation));
  }

  private static String label(Obj o) {
    String label = o.string(Fields.LABEL);
    if (label == null) {
      return null;
    }
    String at = o.at(Fields.LABEL);
    String problem = labelProblem(label);
    if (problem != null) {
      o.cx.error(DiagnosticCode.INVALID_LABEL_NAME, problem, at);
      return null;
    }
    o.cx.labels.add(new ReadContext.LabelUse(label, at));
    return label;
  }

  private static String labelProblem(String label) {
    int length = label.codePointCount(0, label.length());
    if (length == 0 || length > MAX_LABEL_LENGTH) {
      return "A Label must be 1 to " + MAX_LABEL_LENGTH + " characters long";
    }
    for (int i = 0; i < label.length(); ) {
      int c = label.codePointAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        return "A Label must not contain whitespace or control characters";
      }
      if (LABEL_FORBIDDEN.indexOf(c) >= 0) {
        return "A Label must not contain any of the characters " + LABEL_FORBIDDEN;
      }
      i += Character.charCount(c);
    }
    return null;
  }
}
