package io.statecraft.asl.model.state;

import io.statecraft.asl.expr.Template;
import io.statecraft.asl.model.Catcher;
import io.statecraft.asl.model.DataFlow;
import io.statecraft.asl.model.Graph;
import io.statecraft.asl.model.QueryLanguage;
import io.statecraft.asl.model.Retrier;
import io.statecraft.asl.model.Transition;
import io.statecraft.asl.model.ValueSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code "Type": "Map"}: runs its item processor once per item, inline or distributed.
 *
 * @param processor ItemProcessor, or the legacy Iterator (then {@link ItemProcessor#legacy()})
 * @param items ItemsPath (JSONPath) or Items (JSONata), if set; absent means the whole input
 * @param itemSelector ItemSelector, or the legacy Parameters of a Map
 * @param maxConcurrency MaxConcurrency or MaxConcurrencyPath; absent or 0 means no limit
 * @param label the distributed map run {@code Label}, or {@code null}
 */
public record MapState(
    String name,
    String comment,
    QueryLanguage queryLanguage,
    Transition transition,
    ItemProcessor processor,
    Optional<ValueSource> items,
    Optional<Template> itemSelector,
    Optional<ItemReader> itemReader,
    Optional<ItemBatcher> itemBatcher,
    Optional<ResultWriter> resultWriter,
    Optional<ValueSource> maxConcurrency,
    Optional<ValueSource> toleratedFailurePercentage,
    Optional<ValueSource> toleratedFailureCount,
    String label,
    DataFlow dataFlow,
    Optional<Template> assign,
    List<Retrier> retry,
    List<Catcher> catchers)
    implements State {

  public MapState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(queryLanguage, "queryLanguage");
    Objects.requireNonNull(transition, "transition");
    Objects.requireNonNull(processor, "processor");
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(itemSelector, "itemSelector");
    Objects.requireNonNull(itemReader, "itemReader");
    Objects.requireNonNull(itemBatcher, "itemBatcher");
    Objects.requireNonNull(resultWriter, "resultWriter");
    Objects.requireNonNull(maxConcurrency, "maxConcurrency");
    Objects.requireNonNull(toleratedFailurePercentage, "toleratedFailurePercentage");
    Objects.requireNonNull(toleratedFailureCount, "toleratedFailureCount");
    Objects.requireNonNull(dataFlow, "dataFlow");
    Objects.requireNonNull(assign, "assign");
    retry = List.copyOf(retry);
    catchers = List.copyOf(catchers);
  }

  /** {@code ProcessorConfig.Mode}. */
  public enum ProcessorMode {
    INLINE,
    DISTRIBUTED
  }

  /** {@code ProcessorConfig.ExecutionType} of a distributed map's child executions. */
  public enum ExecutionType {
    STANDARD,
    EXPRESS
  }

  /**
   * The graph run for each item.
   *
   * @param graph the states of the ItemProcessor (or Iterator)
   * @param mode INLINE unless {@code ProcessorConfig.Mode} says DISTRIBUTED
   * @param executionType for DISTRIBUTED, the child execution type, else {@code null}
   * @param legacy whether the definition used the legacy {@code Iterator} field
   */
  public record ItemProcessor(
      Graph graph, ProcessorMode mode, ExecutionType executionType, boolean legacy) {
    public ItemProcessor {
      Objects.requireNonNull(graph, "graph");
      Objects.requireNonNull(mode, "mode");
    }
  }

  /**
   * {@code ItemReader}: where a distributed map reads its items from.
   *
   * @param resource the reader's resource ARN
   * @param parameters Parameters (JSONPath) or Arguments (JSONata), if any
   * @param readerConfig {@code ReaderConfig}, if any
   */
  public record ItemReader(
      String resource, Optional<Template> parameters, Optional<ReaderConfig> readerConfig) {
    public ItemReader {
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(parameters, "parameters");
      Objects.requireNonNull(readerConfig, "readerConfig");
    }
  }

  /**
   * {@code ReaderConfig}.
   *
   * @param inputType JSON, JSONL, CSV, MANIFEST or PARQUET, or {@code null}
   * @param csvHeaderLocation FIRST_ROW or GIVEN, or {@code null}
   * @param csvHeaders the given CSV headers, empty unless GIVEN
   * @param csvDelimiter COMMA, PIPE, SEMICOLON, SPACE or TAB, or {@code null}
   * @param maxItems MaxItems or MaxItemsPath, if set
   */
  public record ReaderConfig(
      String inputType,
      String csvHeaderLocation,
      List<String> csvHeaders,
      String csvDelimiter,
      Optional<ValueSource> maxItems) {
    public ReaderConfig {
      csvHeaders = List.copyOf(csvHeaders);
      Objects.requireNonNull(maxItems, "maxItems");
    }
  }

  /**
   * {@code ItemBatcher}: groups items into batches.
   *
   * @param maxItemsPerBatch MaxItemsPerBatch or its Path form, if set
   * @param maxInputBytesPerBatch MaxInputBytesPerBatch or its Path form, if set
   * @param batchInput the {@code BatchInput} template, if any
   */
  public record ItemBatcher(
      Optional<ValueSource> maxItemsPerBatch,
      Optional<ValueSource> maxInputBytesPerBatch,
      Optional<Template> batchInput) {
    public ItemBatcher {
      Objects.requireNonNull(maxItemsPerBatch, "maxItemsPerBatch");
      Objects.requireNonNull(maxInputBytesPerBatch, "maxInputBytesPerBatch");
      Objects.requireNonNull(batchInput, "batchInput");
    }
  }

  /**
   * {@code ResultWriter}: where a distributed map writes its results.
   *
   * @param resource the writer's resource ARN, or {@code null} with only a WriterConfig
   * @param parameters Parameters (JSONPath) or Arguments (JSONata), if any
   * @param outputType the {@code WriterConfig.OutputType}, or {@code null}
   * @param transformation the {@code WriterConfig.Transformation}, or {@code null}
   */
  public record ResultWriter(
      String resource, Optional<Template> parameters, String outputType, String transformation) {
    public ResultWriter {
      Objects.requireNonNull(parameters, "parameters");
    }
  }
}
