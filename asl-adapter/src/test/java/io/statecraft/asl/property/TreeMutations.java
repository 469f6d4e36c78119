package io.statecraft.asl.property;

import static io.statecraft.asl.property.JsonArbitraries.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Structural edits of a definition tree: a field deleted, duplicated under another name, retyped,
 * its value swapped with another field's, a string truncated or edited, random JSON inserted, a
 * field of another object copied in. Each edit picks its target by index among the tree's
 * containers, so the generator, not this class, decides where it lands.
 */
final class TreeMutations {

  /** Field names worth inserting: every one the grammar knows, a few it does not. */
  private static final List<String> FIELDS =
      List.of(
          "Type",
          "Next",
          "End",
          "StartAt",
          "States",
          "Branches",
          "ItemProcessor",
          "Iterator",
          "Choices",
          "Default",
          "Variable",
          "And",
          "Or",
          "Not",
          "Condition",
          "Retry",
          "Catch",
          "ErrorEquals",
          "BackoffRate",
          "IntervalSeconds",
          "MaxAttempts",
          "MaxDelaySeconds",
          "JitterStrategy",
          "Resource",
          "Parameters",
          "ResultPath",
          "InputPath",
          "OutputPath",
          "ResultSelector",
          "Arguments",
          "Output",
          "Assign",
          "QueryLanguage",
          "Seconds",
          "SecondsPath",
          "Timestamp",
          "TimestampPath",
          "Items",
          "ItemsPath",
          "ItemSelector",
          "MaxConcurrency",
          "MaxConcurrencyPath",
          "Label",
          "ItemReader",
          "ReaderConfig",
          "ItemBatcher",
          "ResultWriter",
          "ProcessorConfig",
          "Mode",
          "ExecutionType",
          "Credentials",
          "TimeoutSeconds",
          "TimeoutSecondsPath",
          "HeartbeatSeconds",
          "Error",
          "Cause",
          "ErrorPath",
          "CausePath",
          "ToleratedFailureCount",
          "ToleratedFailurePercentage",
          "Result",
          "Comment",
          "Version",
          "x.$",
          "Nope");

  private TreeMutations() {}

  /** One edit: what to do, to which container, which field, and what to put. */
  record Edit(
      int kind, int target, int fieldIndex, String newField, JsonNode value, Mutations.Edit text) {}

  static Arbitrary<Edit> edits() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 8),
            Arbitraries.integers().between(0, 10_000),
            Arbitraries.integers().between(0, 100),
            Arbitraries.of(FIELDS),
            Arbitraries.oneOf(
                JsonArbitraries.values(2),
                PathArbitraries.pathsAndMutations().map(s -> (JsonNode) NODES.textNode(s)),
                JsonataArbitraries.expressionsAndMutations()
                    .map(s -> (JsonNode) NODES.textNode("{% " + s + " %}")),
                IntrinsicArbitraries.callsAndMutations().map(s -> (JsonNode) NODES.textNode(s)),
                Arbitraries.of(
                        "Pass",
                        "Task",
                        "Choice",
                        "Map",
                        "Parallel",
                        "Wait",
                        "Succeed",
                        "Fail",
                        "JSONata",
                        "JSONPath",
                        "DISTRIBUTED")
                    .map(s -> (JsonNode) NODES.textNode(s))),
            Mutations.edits())
        .as(Edit::new);
  }

  static ObjectNode apply(ObjectNode definition, List<Edit> edits) {
    ObjectNode root = definition.deepCopy();
    for (Edit e : edits) {
      apply(root, e);
    }
    return root;
  }

  private static void apply(ObjectNode root, Edit e) {
    List<ContainerNode<?>> containers = new ArrayList<>();
    collect(root, containers);
    ContainerNode<?> target = containers.get(Math.floorMod(e.target(), containers.size()));
    if (target instanceof ArrayNode array) {
      switch (e.kind() % 3) {
        case 0 -> {
          if (!array.isEmpty()) {
            array.remove(Math.floorMod(e.fieldIndex(), array.size()));
          }
        }
        case 1 -> array.add(e.value());
        default -> {
          if (!array.isEmpty()) {
            array.add(array.get(Math.floorMod(e.fieldIndex(), array.size())).deepCopy());
          }
        }
      }
      return;
    }
    ObjectNode object = (ObjectNode) target;
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    String name = names.isEmpty() ? null : names.get(Math.floorMod(e.fieldIndex(), names.size()));
    switch (e.kind()) {
      case 0 -> {
        if (name != null) {
          object.remove(name); // delete
        }
      }
      case 1 -> {
        if (name != null) {
          object.set(e.newField(), object.get(name).deepCopy()); // duplicate under another name
        }
      }
      case 2 -> {
        if (name != null) {
          object.set(name, retype(object.get(name))); // retype
        }
      }
      case 3 -> {
        if (names.size() > 1) {
          String other = names.get(Math.floorMod(e.fieldIndex() + 1, names.size()));
          JsonNode a = object.get(name);
          object.set(name, object.get(other)); // swap two values
          object.set(other, a);
        }
      }
      case 4 -> {
        if (name != null && object.get(name).isTextual()) {
          object.put(name, e.text().apply(object.get(name).textValue())); // edit a string
        }
      }
      case 5 -> object.set(e.newField(), e.value()); // insert random JSON
      case 6 -> {
        if (name != null) {
          object.set(name, e.value()); // replace a value
        }
      }
      case 7 -> {
        if (name != null && object.get(name).isTextual()) {
          String s = object.get(name).textValue();
          object.put(
              name, s.substring(0, Math.floorMod(e.fieldIndex(), s.length() + 1))); // truncate
        }
      }
      default -> {
        // Copy one field of another object in: cross-graph names and odd shapes.
        for (ContainerNode<?> c : containers) {
          if (c instanceof ObjectNode other && other != object && other.has(e.newField())) {
            object.set(e.newField(), other.get(e.newField()).deepCopy());
            break;
          }
        }
      }
    }
  }

  private static JsonNode retype(JsonNode value) {
    if (value.isTextual()) {
      return NODES.arrayNode().add(value);
    }
    if (value.isNumber()) {
      return NODES.textNode(value.asText());
    }
    if (value.isBoolean()) {
      return NODES.numberNode(value.booleanValue() ? 1 : 0);
    }
    if (value.isArray()) {
      return value.isEmpty() ? NODES.objectNode() : value.get(0);
    }
    if (value.isObject()) {
      return NODES.arrayNode().add(value);
    }
    return NODES.booleanNode(true);
  }

  private static void collect(JsonNode node, List<ContainerNode<?>> out) {
    if (node instanceof ContainerNode<?> c) {
      out.add(c);
      for (JsonNode child : node) {
        collect(child, out);
      }
    }
  }
}
