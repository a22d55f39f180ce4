package io.slamon.alerts;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an {@code X-Slamon-Signature} header on the receiving side (and documents by example what
 * receivers written in other languages must do). It refuses, each with its own {@link Reason}:
 * a header that does not parse, a timestamp further than the tolerance from the receiver's clock
 * (a replay, or a badly skewed clock), and a signature that does not match the body.
 */
public final class WebhookVerifier {
  /** Five minutes, as Stripe uses: long enough for clock skew and slow networks, short enough to stop replays. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private static final int SHA256_HEX_LENGTH = 64;

  private final SecretKeySpec key;
  private final InstantSource clock;
  private final Duration tolerance;

  public WebhookVerifier(String secret, InstantSource clock) {
    this(secret, clock, DEFAULT_TOLERANCE);
  }

  public WebhookVerifier(String secret, InstantSource clock, Duration tolerance) {
    this.key = WebhookSigner.key(secret);
    this.clock = Objects.requireNonNull(clock, "clock");
    if (tolerance == null || tolerance.isNegative() || tolerance.isZero()) {
      throw new IllegalArgumentException("signature tolerance must be positive, got " + tolerance);
    }
    this.tolerance = tolerance;
  }

  /** Why a request was refused. */
  public enum Reason {
    MALFORMED_HEADER,
    TIMESTAMP_OUTSIDE_TOLERANCE,
    BAD_SIGNATURE
  }

  /** Refusal of a webhook request; {@link #reason()} tells which check failed. */
  public static final class VerificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Reason reason;

    VerificationException(Reason reason, String message) {
      super(message);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  /**
   * Verifies {@code header} against the raw request {@code body} (the bytes as received, before any
   * JSON parsing). Returns the signed timestamp; throws {@link VerificationException} otherwise.
   * Several {@code v1} entries are allowed (one per secret while secrets rotate); one match suffices.
   */
  public Instant verify(String header, byte[] body) {
    if (header == null || header.isBlank()) {
      throw new VerificationException(Reason.MALFORMED_HEADER, "missing " + WebhookSigner.SIGNATURE_HEADER + " header");
    }
    Long timestamp = null;
    List<byte[]> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new VerificationException(Reason.MALFORMED_HEADER, "malformed " + WebhookSigner.SIGNATURE_HEADER
            + " element '" + part.strip() + "': expecting t=<unix seconds>,v1=<hex>");
      }
      String name = part.substring(0, eq).strip();
      String value = part.substring(eq + 1).strip();
      switch (name) {
        case "t" -> {
          if (timestamp != null) {
            throw new VerificationException(Reason.MALFORMED_HEADER, "more than one timestamp in " + WebhookSigner.SIGNATURE_HEADER);
          }
          if (!value.matches("[0-9]{1,12}")) {
            throw new VerificationException(Reason.MALFORMED_HEADER, "timestamp '" + value + "' is not unix seconds");
          }
          timestamp = Long.parseLong(value);
        }
        case "v1" -> {
          if (value.length() != SHA256_HEX_LENGTH || !value.matches("[0-9a-fA-F]+")) {
            throw new VerificationException(Reason.MALFORMED_HEADER, "v1 signature is not " + SHA256_HEX_LENGTH + " hex digits");
          }
          signatures.add(HexFormat.of().parseHex(value));
        }
        default -> {
          // Unknown schemes (a future v2) are skipped, so senders can add one before receivers understand it.
        }
      }
    }
    if (timestamp == null) {
      throw new VerificationException(Reason.MALFORMED_HEADER, "no timestamp (t=) in " + WebhookSigner.SIGNATURE_HEADER);
    }
    if (signatures.isEmpty()) {
      throw new VerificationException(Reason.MALFORMED_HEADER, "no v1 signature in " + WebhookSigner.SIGNATURE_HEADER);
    }
    Instant signedAt = Instant.ofEpochSecond(timestamp);
    Duration age = Duration.between(signedAt, clock.instant());
    // Both directions: a timestamp far in the future is as suspicious as an old one.
    if (age.abs().compareTo(tolerance) > 0) {
      throw new VerificationException(Reason.TIMESTAMP_OUTSIDE_TOLERANCE, "signature timestamp " + signedAt + " is "
          + age.toSeconds() + " s from now, outside the tolerance of " + tolerance.toSeconds() + " s (replayed request or clock skew)");
    }
    byte[] expected = WebhookSigner.hmac(key, timestamp, body);
    boolean match = false;
    for (byte[] candidate : signatures) {
      // MessageDigest.isEqual runs in time independent of where the bytes differ; no early exit
      // in the loop either, so timing does not reveal which entry matched.
      match |= MessageDigest.isEqual(expected, candidate);
    }
    if (!match) {
      throw new VerificationException(Reason.BAD_SIGNATURE, "signature does not match the body (wrong secret or modified body)");
    }
    return signedAt;
  }
}
