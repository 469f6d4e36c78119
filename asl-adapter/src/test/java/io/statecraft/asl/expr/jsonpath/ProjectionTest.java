package io.statecraft.asl.expr.jsonpath;

import static io.statecraft.asl.expr.jsonpath.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code $.items[*].sku}-shaped paths are walked without Jayway, with Jayway's answers. */
class ProjectionTest {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static final List<String> PATHS =
      List.of(
          "$.items[*]",
          "$.items[*].sku",
          "$.items[*].a.b",
          "$['items'][*]['sku']",
          "$.order.items[*].sku",
          "$.order['items'][*].qty",
          "$.lists[1][*].sku",
          "$.lists[-1][*]",
          "$.lists[7][*].sku",
          "$[*]",
          "$[*].sku");

  /** What Jayway alone answers. */
  private static JsonNode jayway(String path, JsonNode document) throws Exception {
    PathSyntax.Parsed parsed = PathSyntax.parse(path);
    return Jayway.read(JsonPath.compile("$" + parsed.rest()), path, document);
  }

  private static JsonNode select(String path, JsonNode document) throws Exception {
    return CompiledPath.compile(path).select(document);
  }

  @Test
  void recognisesOneWildcardBetweenAReferencePathAndMemberNames() {
    assertThat(PathSyntax.projection("", ".items[*].sku").members()).containsExactly("sku");
    assertThat(PathSyntax.projection("", ".a[0]['b c'][*].d.e").prefix()).hasSize(3);
    assertThat(PathSyntax.projection("", "[*]").members()).isEmpty();
    for (String rest :
        List.of(
            ".items",
            ".items[*].sku[0]",
            ".items[*][*]",
            ".a[*].b[*]",
            ".items.*",
            ".items[*].sku.length()",
            "..sku[*]",
            ".items[?(@.qty > 1)].sku",
            "['x[*]']",
            "['x[*]y'].z",
            ".items[ * ].sku")) {
      assertThat(PathSyntax.projection("", rest)).as(rest).isNull();
    }
  }

  @Test
  void answersWhatJaywayAnswers() throws Exception {
    List<JsonNode> documents =
        List.of(
            json("{\"items\":[{\"sku\":\"A\"},{\"sku\":\"B\",\"qty\":2}]}"),
            json(
                "{\"items\":[{\"sku\":1},{\"x\":2},{\"sku\":null},3,\"s\",[1],null,{\"sku\":[1]}]}"),
            json(
                "{\"items\":[{\"a\":{\"b\":1}},{\"a\":{\"c\":1}},{\"a\":null},{\"a\":[{\"b\":2}]}]}"),
            json("{\"items\":[]}"),
            json("{\"items\":{\"k\":{\"sku\":\"A\"}}}"),
            json("{\"items\":null}"),
            json("{\"items\":7}"),
            json("{}"),
            json("{\"order\":{\"items\":[{\"sku\":\"A\",\"qty\":1},{\"qty\":2.5}]}}"),
            json("{\"order\":null}"),
            json("{\"lists\":[[{\"sku\":1}],[{\"sku\":2},{\"sku\":3}]]}"),
            json("[{\"sku\":1},{\"sku\":2},{}]"),
            json("[]"),
            json("\"text\""));
    for (JsonNode doc : documents) {
      for (String path : PATHS) {
        assertThat(select(path, doc)).as(path + " over " + doc).isEqualTo(jayway(path, doc));
      }
    }
  }

  @Test
  void answersWhatJaywayAnswersOverRandomDocuments() throws Exception {
    Random random = new Random(11);
    for (int n = 0; n < 3000; n++) {
      ObjectNode doc = F.objectNode();
      doc.set("items", randomArray(random, 2));
      ObjectNode order = doc.putObject("order");
      order.set("items", random.nextInt(5) == 0 ? randomLeaf(random) : randomArray(random, 2));
      for (String path : PATHS) {
        assertThat(select(path, doc)).as(path + " over " + doc).isEqualTo(jayway(path, doc));
      }
    }
  }

  @Test
  void sharesTheDocumentsNodesRatherThanRewrappingThem() throws Exception {
    JsonNode doc = json("{\"items\":[{\"sku\":\"A\"},{\"sku\":\"B\"}]}");
    JsonNode skus = select("$.items[*].sku", doc);
    assertThat(skus).isEqualTo(json("[\"A\",\"B\"]"));
    // Jayway would have made new text nodes: the same node shows the path was walked directly.
    assertThat(skus.get(0)).isSameAs(doc.at("/items/0/sku"));
  }

  @Test
  void leavesNumbersJaywayWouldRetypeToJayway() throws Exception {
    ObjectNode doc = F.objectNode();
    ArrayNode items = doc.putArray("items");
    items.addObject().put("n", new BigDecimal("1.50"));
    items.addObject().put("n", 2.5f);
    assertThat(select("$.items[*].n", doc)).isEqualTo(jayway("$.items[*].n", doc));
  }

  private static ArrayNode randomArray(Random r, int depth) {
    ArrayNode a = F.arrayNode();
    for (int i = r.nextInt(5); i > 0; i--) {
      a.add(randomValue(r, depth));
    }
    return a;
  }

  private static JsonNode randomValue(Random r, int depth) {
    int kind = r.nextInt(depth > 0 ? 4 : 2);
    return switch (kind) {
      case 0 -> randomLeaf(r);
      case 1 -> {
        ObjectNode o = F.objectNode();
        for (String name : List.of("sku", "qty", "a", "b")) {
          if (r.nextBoolean()) {
            o.set(name, depth > 0 ? randomValue(r, depth - 1) : randomLeaf(r));
          }
        }
        yield o;
      }
      case 2 -> randomArray(r, depth - 1);
      default -> {
        ObjectNode o = F.objectNode();
        o.set("a", randomValue(r, depth - 1));
        yield o;
      }
    };
  }

  private static JsonNode randomLeaf(Random r) {
    return switch (r.nextInt(7)) {
      case 0 -> F.textNode("t" + r.nextInt(10));
      case 1 -> F.numberNode(r.nextInt(100));
      case 2 -> F.numberNode(r.nextLong());
      case 3 -> F.numberNode(r.nextDouble());
      case 4 -> F.booleanNode(r.nextBoolean());
      case 5 -> F.nullNode();
      default -> F.numberNode(new BigDecimal(r.nextInt(1000)).movePointLeft(2));
    };
  }
}
