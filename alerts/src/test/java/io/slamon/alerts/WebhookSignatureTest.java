package io.slamon.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slamon.alerts.WebhookVerifier.Reason;
import io.slamon.alerts.WebhookVerifier.VerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final String SECRET = "whsec-0123456789abcdef0123456789abcdef";
  private static final byte[] BODY = "{\"eventId\":\"evt-1\",\"status\":\"firing\"}".getBytes(StandardCharsets.UTF_8);
  private static final Instant T0 = Instant.parse("2026-03-02T08:15:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final InstantSource clock = now::get;
  private final WebhookSigner signer = new WebhookSigner(SECRET, clock);
  private final WebhookVerifier verifier = new WebhookVerifier(SECRET, clock);

  @Test
  void theHeaderCarriesTheUnixTimestampAndTheHmacOfTimestampDotBody() {
    // Reference value computed independently: printf '%s' "1772439300.<body>" | openssl dgst -sha256 -hmac "$SECRET"
    assertThat(signer.signatureHeader(BODY))
        .isEqualTo("t=1772439300,v1=" + OpensslReference.HMAC_OF_T0_BODY);
  }

  @Test
  void aFreshSignatureVerifiesAndReturnsWhenItWasSigned() {
    assertThat(verifier.verify(signer.signatureHeader(BODY), BODY)).isEqualTo(T0);
  }

  @Test
  void signaturesExactlyAtTheToleranceEdgeAreAcceptedInBothDirections() {
    String header = signer.signatureHeader(BODY);
    now.set(T0.plus(Duration.ofMinutes(5)));
    assertThat(verifier.verify(header, BODY)).isEqualTo(T0);
    now.set(T0.minus(Duration.ofMinutes(5)));
    assertThat(verifier.verify(header, BODY)).isEqualTo(T0);
  }

  @Test
  void aReplayedRequestOneSecondPastTheToleranceIsRefused() {
    String header = signer.signatureHeader(BODY);
    now.set(T0.plus(Duration.ofMinutes(5)).plusSeconds(1));
    refused(() -> verifier.verify(header, BODY), Reason.TIMESTAMP_OUTSIDE_TOLERANCE, "outside the tolerance of 300 s");
  }

  @Test
  void aTimestampTooFarInTheFutureIsRefused() {
    String header = signer.signatureHeader(BODY);
    now.set(T0.minus(Duration.ofMinutes(6)));
    refused(() -> verifier.verify(header, BODY), Reason.TIMESTAMP_OUTSIDE_TOLERANCE, "clock skew");
  }

  @Test
  void aCustomToleranceIsApplied() {
    var strict = new WebhookVerifier(SECRET, clock, Duration.ofSeconds(30));
    String header = signer.signatureHeader(BODY);
    now.set(T0.plusSeconds(31));
    refused(() -> strict.verify(header, BODY), Reason.TIMESTAMP_OUTSIDE_TOLERANCE, "30 s");
  }

  @Test
  void aTamperedBodyIsRefused() {
    String header = signer.signatureHeader(BODY);
    byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("firing", "resolved").getBytes(StandardCharsets.UTF_8);
    refused(() -> verifier.verify(header, tampered), Reason.BAD_SIGNATURE, "does not match the body");
  }

  @Test
  void aTamperedTimestampIsRefusedBecauseItIsPartOfTheSignedBytes() {
    String header = signer.signatureHeader(BODY);
    String shifted = header.replace("t=1772439300", "t=1772439301");
    refused(() -> verifier.verify(shifted, BODY), Reason.BAD_SIGNATURE, "does not match");
  }

  @Test
  void aSignatureMadeWithAnotherSecretIsRefused() {
    String header = new WebhookSigner("another-secret-of-enough-length", clock).signatureHeader(BODY);
    refused(() -> verifier.verify(header, BODY), Reason.BAD_SIGNATURE, "wrong secret");
  }

  @Test
  void oneMatchingSignatureAmongSeveralSufficesSoSecretsCanRotate() {
    String good = signer.signatureHeader(BODY);
    String other = new WebhookSigner("another-secret-of-enough-length", clock).signatureHeader(BODY);
    String both = other + "," + good.substring(good.indexOf("v1=")) + ",v2=future-scheme";
    assertThat(verifier.verify(both, BODY)).isEqualTo(T0);
  }

  @Test
  void malformedHeadersAreRefusedWithAMessageSayingWhatIsWrong() {
    String v1 = "v1=" + "a".repeat(64);
    refused(() -> verifier.verify(null, BODY), Reason.MALFORMED_HEADER, "missing X-Slamon-Signature");
    refused(() -> verifier.verify("  ", BODY), Reason.MALFORMED_HEADER, "missing X-Slamon-Signature");
    refused(() -> verifier.verify("garbage", BODY), Reason.MALFORMED_HEADER, "malformed X-Slamon-Signature element 'garbage'");
    refused(() -> verifier.verify(v1, BODY), Reason.MALFORMED_HEADER, "no timestamp");
    refused(() -> verifier.verify("t=1772439300", BODY), Reason.MALFORMED_HEADER, "no v1 signature");
    refused(() -> verifier.verify("t=yesterday," + v1, BODY), Reason.MALFORMED_HEADER, "timestamp 'yesterday' is not unix seconds");
    refused(() -> verifier.verify("t=-5," + v1, BODY), Reason.MALFORMED_HEADER, "not unix seconds");
    refused(() -> verifier.verify("t=1,t=2," + v1, BODY), Reason.MALFORMED_HEADER, "more than one timestamp");
    refused(() -> verifier.verify("t=1772439300,v1=abc", BODY), Reason.MALFORMED_HEADER, "not 64 hex digits");
    refused(() -> verifier.verify("t=1772439300,v1=" + "z".repeat(64), BODY), Reason.MALFORMED_HEADER, "not 64 hex digits");
  }

  @Test
  void shortOrMissingSecretsAndNonPositiveTolerancesAreRejectedUpFront() {
    assertThatThrownBy(() -> new WebhookSigner("short", clock)).hasMessageContaining("at least 16 bytes");
    assertThatThrownBy(() -> new WebhookSigner(null, clock)).hasMessageContaining("at least 16 bytes");
    assertThatThrownBy(() -> new WebhookVerifier("short", clock)).hasMessageContaining("at least 16 bytes");
    assertThatThrownBy(() -> new WebhookVerifier(SECRET, clock, Duration.ZERO)).hasMessageContaining("tolerance must be positive");
  }

  private static void refused(ThrowingCallable call, Reason reason, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(VerificationException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(message);
  }

  /** Kept apart so the value's provenance (openssl, not this code) is obvious. */
  private static final class OpensslReference {
    static final String HMAC_OF_T0_BODY = "ff982986ee11b4679326bdb9c907ab058710c0831b554bf257d5f3c8c03e04f2";
  }
}
