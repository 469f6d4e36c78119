package io.statecraft.api.security;

import io.statecraft.activities.PercentEncoding;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 ({@code AWS4-HMAC-SHA256} in the {@code Authorization} header)
 * for the service {@code states}, against configured access-key/secret pairs. Answers AWS's errors:
 * {@code MissingAuthenticationTokenException} without a signature, {@code
 * IncompleteSignatureException} for a malformed one, {@code UnrecognizedClientException} for an
 * unknown access key, {@code InvalidSignatureException} for a wrong or expired signature.
 */
public final class SigV4Verifier {

  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  static final String SERVICE = "states";

  /** How far a request's {@code X-Amz-Date} may be from now, as on AWS. */
  static final Duration MAX_SKEW = Duration.ofMinutes(15);

  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

  private final Map<String, String> secrets;
  private final String region;

  /**
   * @param secrets secret access keys by access key id
   * @param region the region credentials must be scoped to
   */
  public SigV4Verifier(Map<String, String> secrets, String region) {
    this.secrets = Map.copyOf(secrets);
    this.region = region;
  }

  /** What the verifier needs of a request. */
  public record SignedRequest(
      String method,
      String rawPath,
      String rawQuery,
      Function<String, List<String>> headers,
      byte[] body) {}

  /**
   * Verifies {@code request} at time {@code now}.
   *
   * @return the access key id that signed it
   * @throws ApiException with AWS's error when the request is not correctly signed
   */
  public String verify(SignedRequest request, Instant now) {
    String authorization = first(request, "authorization");
    if (authorization == null || authorization.isBlank()) {
      throw new ApiException(
          ErrorCode.MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token");
    }
    if (!authorization.startsWith(ALGORITHM + " ")) {
      throw incomplete("Authorization header must use " + ALGORITHM);
    }
    String credential = null;
    String signedHeaders = null;
    String signature = null;
    for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
      String item = part.trim();
      if (item.startsWith("Credential=")) {
        credential = item.substring("Credential=".length());
      } else if (item.startsWith("SignedHeaders=")) {
        signedHeaders = item.substring("SignedHeaders=".length());
      } else if (item.startsWith("Signature=")) {
        signature = item.substring("Signature=".length());
      }
    }
    if (credential == null || signedHeaders == null || signature == null) {
      throw incomplete(
          "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature'");
    }
    String[] scope = credential.split("/");
    if (scope.length != 5 || !scope[4].equals("aws4_request")) {
      throw incomplete(
          "Credential must have the form <access key>/<date>/<region>/<service>/aws4_request");
    }
    String accessKey = scope[0];
    String secret = secrets.get(accessKey);
    if (secret == null) {
      throw new ApiException(
          ErrorCode.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
    }
    if (!scope[3].equals(SERVICE)) {
      throw invalid("Credential should be scoped to correct service: '" + SERVICE + "'.");
    }
    if (!scope[2].equals(region)) {
      throw invalid("Credential should be scoped to a valid region, not '" + scope[2] + "'. ");
    }
    String amzDate = first(request, "x-amz-date");
    if (amzDate == null) {
      throw incomplete("Authorization requires the X-Amz-Date header");
    }
    Instant signedAt;
    try {
      signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw incomplete("X-Amz-Date '" + amzDate + "' is not of the form yyyyMMdd'T'HHmmss'Z'");
    }
    if (!amzDate.startsWith(scope[1])) {
      throw invalid(
          "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
              + scope[1]
              + "' != '"
              + amzDate.substring(0, 8)
              + "'");
    }
    if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
      throw invalid(
          "Signature expired: "
              + amzDate
              + " is now earlier than or later than "
              + AMZ_DATE.format(now.atOffset(ZoneOffset.UTC))
              + " by more than 15 minutes.");
    }
    List<String> headerNames = Arrays.asList(signedHeaders.split(";"));
    if (!headerNames.contains("host")) {
      throw incomplete("'host' must be a signed header");
    }
    String canonicalRequest = canonicalRequest(request, headerNames, signedHeaders);
    String stringToSign =
        ALGORITHM
            + "\n"
            + amzDate
            + "\n"
            + scope[1]
            + "/"
            + scope[2]
            + "/"
            + scope[3]
            + "/aws4_request\n"
            + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[1]);
    key = hmac(key, scope[2]);
    key = hmac(key, scope[3]);
    key = hmac(key, "aws4_request");
    String expected = hex(hmac(key, stringToSign));
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
      throw invalid(
          "The request signature we calculated does not match the signature you provided. Check"
              + " your AWS Secret Access Key and signing method. Consult the service documentation"
              + " for details.");
    }
    return accessKey;
  }

  private static String canonicalRequest(
      SignedRequest request, List<String> headerNames, String signedHeaders) {
    StringBuilder canonical = new StringBuilder();
    canonical.append(request.method()).append('\n');
    canonical.append(canonicalPath(request.rawPath())).append('\n');
    canonical.append(canonicalQuery(request.rawQuery())).append('\n');
    for (String name : headerNames) {
      List<String> values = request.headers().apply(name);
      if (values == null || values.isEmpty()) {
        throw incomplete("Signed header '" + name + "' is missing from the request");
      }
      List<String> trimmed = new ArrayList<>();
      for (String value : values) {
        trimmed.add(value.trim().replaceAll(" +", " "));
      }
      canonical.append(name).append(':').append(String.join(",", trimmed)).append('\n');
    }
    canonical.append('\n').append(signedHeaders).append('\n');
    String payloadHash = hex(sha256(request.body()));
    String declared = first(request, "x-amz-content-sha256");
    if (declared != null && !declared.equalsIgnoreCase(payloadHash)) {
      throw invalid("The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
    canonical.append(payloadHash);
    return canonical.toString();
  }

  /** Each path segment URI-encoded, as the AWS SDKs sign every service but S3. */
  static String canonicalPath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    String[] segments = rawPath.split("/", -1);
    List<String> encoded = new ArrayList<>(segments.length);
    for (String segment : segments) {
      encoded.add(encode(segment));
    }
    return String.join("/", encoded);
  }

  static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      pairs.add(new String[] {encode(name), encode(value)});
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    List<String> joined = new ArrayList<>();
    for (String[] pair : pairs) {
      joined.add(pair[0] + "=" + pair[1]);
    }
    return String.join("&", joined);
  }

  /** RFC 3986 encoding: everything but {@code A-Z a-z 0-9 - _ . ~} as {@code %XX}. */
  static String encode(String value) {
    return PercentEncoding.encode(value);
  }

  private static String first(SignedRequest request, String name) {
    List<String> values = request.headers().apply(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static ApiException incomplete(String message) {
    return new ApiException(ErrorCode.INCOMPLETE_SIGNATURE, message);
  }

  private static ApiException invalid(String message) {
    return new ApiException(ErrorCode.INVALID_SIGNATURE, message);
  }
}
