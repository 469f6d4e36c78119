package io.statecraft.asl.expr.intrinsic;

import static io.statecraft.asl.expr.intrinsic.IntrinsicFunction.HASH;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** States.Hash. */
final class HashFunctions {

  /** The algorithms AWS accepts, spelled as AWS spells them (and as the JDK names them). */
  static final List<String> ALGORITHMS = List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  /** AWS: the data "must be an object string containing 10,000 characters or less". */
  static final int MAX_CHARACTERS = 10_000;

  private HashFunctions() {}

  /**
   * States.Hash(data, algorithm): the lower-case hexadecimal digest of the UTF-8 bytes of data.
   * Recorded: {@code "input data"} with SHA-1 gives {@code
   * aaff4a450a104cd177d28d18d74485e8cae074b7}.
   */
  static JsonNode hash(JsonNode dataArg, JsonNode algorithmArg) {
    String data = data(dataArg);
    String algorithm = algorithm(algorithmArg);
    try {
      byte[] digest =
          MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
      return Json.NODES.textNode(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform provides these five algorithms; report a stripped-down one plainly.
      throw AwsCauses.intrinsicFailure(
          "States.Hash: this platform lacks the " + algorithm + " digest");
    }
  }

  static String data(JsonNode dataArg) {
    String data = Args.string(HASH, 1, dataArg);
    if (data.length() > MAX_CHARACTERS) {
      throw Args.valueError(
          HASH,
          1,
          "the data has "
              + data.length()
              + " characters, more than the limit of "
              + MAX_CHARACTERS);
    }
    return data;
  }

  static String algorithm(JsonNode algorithmArg) {
    String algorithm = Args.string(HASH, 2, algorithmArg);
    if (!ALGORITHMS.contains(algorithm)) {
      throw Args.valueError(
          HASH, 2, "the algorithm must be one of " + ALGORITHMS + ", but was '" + algorithm + "'");
    }
    return algorithm;
  }
}
