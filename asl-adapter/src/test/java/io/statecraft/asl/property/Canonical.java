package io.statecraft.asl.property;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.interpret.ExecutionOutcome;
import io.statecraft.asl.interpret.HistoryEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Text forms in which two runs compare equal exactly when they mean the same JSON: numbers by value
 * (an {@code IntNode} 1 and a {@code LongNode} 1 are the same JSON, and JSON text between runs does
 * not keep the difference), object members in name order.
 */
final class Canonical {

  private Canonical() {}

  static String json(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node == null) {
      out.append("<absent>");
    } else if (node.isNumber()) {
      out.append(number(node));
    } else if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      out.append('{');
      sorted.forEach(
          (k, v) -> {
            out.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(k)).append(':');
            write(v, out);
            out.append(',');
          });
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (JsonNode element : node) {
        write(element, out);
        out.append(',');
      }
      out.append(']');
    } else {
      out.append(node);
    }
  }

  private static String number(JsonNode n) {
    if (n.isDouble() || n.isFloat()) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return Double.toString(d);
      }
    }
    BigDecimal value = n.decimalValue();
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toString();
  }

  static List<String> history(List<HistoryEvent> events) {
    List<String> out = new ArrayList<>(events.size());
    for (HistoryEvent e : events) {
      out.add(
          e.id()
              + "<"
              + e.previousEventId()
              + " "
              + e.type()
              + " "
              + e.timestamp()
              + " "
              + json(e.details()));
    }
    return out;
  }

  static String outcome(ExecutionOutcome outcome) {
    return switch (outcome) {
      case ExecutionOutcome.Succeeded s -> "Succeeded " + json(s.output());
      case ExecutionOutcome.Failed f -> "Failed " + f.error() + " / " + f.cause();
      case ExecutionOutcome.TimedOut t -> "TimedOut " + t.error() + " / " + t.cause();
      case ExecutionOutcome.Aborted a -> "Aborted " + a.error() + " / " + a.cause();
      case ExecutionOutcome.Suspended s -> "Suspended before " + s.snapshot().nextState();
    };
  }
}
