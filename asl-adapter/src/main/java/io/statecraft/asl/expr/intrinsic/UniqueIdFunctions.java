package io.statecraft.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.port.Entropy;

/** States.UUID. */
final class UniqueIdFunctions {

  private UniqueIdFunctions() {}

  /** States.UUID(): a version 4 UUID from the entropy port, so that replays see the same one. */
  static JsonNode uuid(Entropy entropy) {
    return Json.NODES.textNode(entropy.randomUuid().toString());
  }
}
