package io.statecraft.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** SigV4 verification against requests signed by the AWS SDK's own signer. */
class SigV4VerifierTest {

  static final String BODY = "{\"maxResults\":10}";
  final SigV4Verifier verifier = new SigV4Verifier(Map.of("AKID", "secret"), "us-east-1");

  SignedRequest sign(String accessKey, String secret, String region, String service, String body) {
    SdkHttpFullRequest request =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(java.net.URI.create("http://127.0.0.1:8080/"))
            .putHeader("Content-Type", "application/x-amz-json-1.0")
            .putHeader("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
            .build();
    return AwsV4HttpSigner.create()
        .sign(
            r ->
                r.identity(AwsCredentialsIdentity.create(accessKey, secret))
                    .request(request)
                    .payload(ContentStreamProvider.fromUtf8String(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region));
  }

  SigV4Verifier.SignedRequest asReceived(SignedRequest signed, String body) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(signed.request().headers());
    headers.put("Host", List.of("127.0.0.1:8080"));
    return new SigV4Verifier.SignedRequest(
        "POST", "/", null, name -> headers.get(name), body.getBytes(StandardCharsets.UTF_8));
  }

  Instant signedAt(SignedRequest signed) {
    String date = signed.request().firstMatchingHeader("X-Amz-Date").orElseThrow();
    return java.time.LocalDateTime.parse(
            date, java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
        .toInstant(java.time.ZoneOffset.UTC);
  }

  @Test
  void acceptsWhatTheSdkSigns() {
    SignedRequest signed = sign("AKID", "secret", "us-east-1", "states", BODY);
    assertThat(verifier.verify(asReceived(signed, BODY), signedAt(signed))).isEqualTo("AKID");
  }

  @Test
  void refusesAWrongSecretATamperedBodyAndAnotherService() {
    assertCode(
        sign("AKID", "other", "us-east-1", "states", BODY), BODY, ErrorCode.INVALID_SIGNATURE);
    assertCode(
        sign("AKID", "secret", "us-east-1", "states", BODY),
        "{\"maxResults\":11}",
        ErrorCode.INVALID_SIGNATURE);
    assertCode(
        sign("AKID", "secret", "us-east-1", "lambda", BODY), BODY, ErrorCode.INVALID_SIGNATURE);
    assertCode(
        sign("AKID", "secret", "eu-west-1", "states", BODY), BODY, ErrorCode.INVALID_SIGNATURE);
  }

  @Test
  void refusesAnUnknownAccessKey() {
    assertCode(
        sign("NOPE", "secret", "us-east-1", "states", BODY), BODY, ErrorCode.UNRECOGNIZED_CLIENT);
  }

  @Test
  void refusesAnExpiredSignature() {
    SignedRequest signed = sign("AKID", "secret", "us-east-1", "states", BODY);
    assertThatThrownBy(
            () ->
                verifier.verify(
                    asReceived(signed, BODY), signedAt(signed).plus(Duration.ofMinutes(16))))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
              assertThat(e.getMessage()).contains("Signature expired");
            });
  }

  @Test
  void refusesMissingAndMalformedAuthorization() {
    var none = new SigV4Verifier.SignedRequest("POST", "/", null, name -> List.of(), new byte[0]);
    assertThatThrownBy(() -> verifier.verify(none, Instant.now()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_AUTHENTICATION_TOKEN));
    var garbage =
        new SigV4Verifier.SignedRequest(
            "POST",
            "/",
            null,
            name ->
                name.equalsIgnoreCase("authorization")
                    ? List.of("AWS4-HMAC-SHA256 junk")
                    : List.of(),
            new byte[0]);
    assertThatThrownBy(() -> verifier.verify(garbage, Instant.now()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INCOMPLETE_SIGNATURE));
  }

  @Test
  void encodesLikeTheSigV4Specification() {
    assertThat(SigV4Verifier.encode("a b/c~d*é")).isEqualTo("a%20b%2Fc~d%2A%C3%A9");
    assertThat(SigV4Verifier.canonicalQuery("b=2&a=1&a=0")).isEqualTo("a=0&a=1&b=2");
    assertThat(SigV4Verifier.canonicalPath("")).isEqualTo("/");
    assertThat(SigV4Verifier.canonicalPath("/")).isEqualTo("/");
  }

  void assertCode(SignedRequest signed, String body, ErrorCode code) {
    assertThatThrownBy(() -> verifier.verify(asReceived(signed, body), signedAt(signed)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
