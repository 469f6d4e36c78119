package io.statecraft.bench.throughput;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The state machines the end-to-end scenarios run, and their inputs. */
public final class Machines {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Machines() {}

  /** {@code n} Pass states in a row. */
  public static String passChain(int n) {
    var root = JSON.createObjectNode();
    root.put("StartAt", "Pass01");
    var states = root.putObject("States");
    for (int i = 1; i <= n; i++) {
      var state = states.putObject(String.format(Locale.ROOT, "Pass%02d", i));
      state.put("Type", "Pass");
      if (i < n) {
        state.put("Next", String.format(Locale.ROOT, "Pass%02d", i + 1));
      } else {
        state.put("End", true);
      }
    }
    return root.toString();
  }

  /** {@code examples/order-processing.asl.json}, packaged into the runner at build time. */
  public static String orderProcessing() {
    return resource("/examples/order-processing.asl.json");
  }

  /** An order the demo services accept: one book, paid by card, shipped to a served country. */
  public static String order(String orderId) {
    return "{\"orderId\":\""
        + orderId
        + "\",\"customerId\":\"c-42\",\"items\":[{\"sku\":\"SKU-BOOK\",\"quantity\":1}],"
        + "\"payment\":{\"method\":\"card\",\"token\":\"tok_visa\"},"
        + "\"shippingAddress\":{\"name\":\"Ada\",\"line1\":\"1 Loop St\",\"city\":\"Springfield\","
        + "\"postalCode\":\"12345\",\"country\":\"US\"}}";
  }

  static String resource(String path) {
    try (InputStream in = Machines.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the runner's resource " + path + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
