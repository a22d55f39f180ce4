package io.slamon.alerts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies the way Stripe does: {@code X-Slamon-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256(secret, t + "." + body)>}. The timestamp is inside the signed bytes, so a receiver that
 * checks it against its own clock ({@link WebhookVerifier}) refuses a captured request replayed
 * later. Each attempt is signed afresh, so a retry after a long backoff still falls inside the
 * receiver's tolerance window.
 */
public final class WebhookSigner {
  /** Header carrying {@code t=…,v1=…}. */
  public static final String SIGNATURE_HEADER = "X-Slamon-Signature";
  /** Header carrying the event id, the receiver's idempotency key (the same on every retry). */
  public static final String EVENT_ID_HEADER = "X-Slamon-Event-Id";
  /** Minimum secret length; shorter secrets can be brute-forced from one captured request. */
  public static final int MIN_SECRET_BYTES = 16;

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final InstantSource clock;

  public WebhookSigner(String secret, InstantSource clock) {
    this.key = key(secret);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The {@value #SIGNATURE_HEADER} value for {@code body}, timestamped now. */
  public String signatureHeader(byte[] body) {
    long t = clock.instant().getEpochSecond();
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(key, t, body));
  }

  static SecretKeySpec key(String secret) {
    if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("webhook secret must be at least " + MIN_SECRET_BYTES
          + " bytes (use 32 random bytes, e.g. `openssl rand -hex 32`)");
    }
    return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  static byte[] hmac(SecretKeySpec key, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      // Every Java SE runtime must provide HmacSHA256, so this is a broken JDK, not bad input.
      throw new IllegalStateException("HmacSHA256 unavailable in this JDK", e);
    }
  }
}
