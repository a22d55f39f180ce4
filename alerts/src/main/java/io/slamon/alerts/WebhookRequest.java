package io.slamon.alerts;

import java.net.URI;
import java.util.Objects;

/**
 * One webhook to deliver: where, the event id (idempotency key), the exact body bytes, and the
 * signer, or {@code null} for receivers that authenticate by a secret URL instead (Slack, Teams).
 */
public record WebhookRequest(URI url, String eventId, byte[] body, WebhookSigner signer) {
  public WebhookRequest {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(body, "body");
    String scheme = url.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException("webhook URL must be http(s), got '" + url + "'");
    }
    if (eventId == null || eventId.isBlank() || !eventId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("event id '" + eventId + "' must be non-empty printable ASCII without spaces (it is sent as an HTTP header)");
    }
    body = body.clone();
  }

  /** A request for {@code notification} rendered as {@code body}, keyed by its event id. */
  public static WebhookRequest of(URI url, Notification notification, byte[] body, WebhookSigner signer) {
    return new WebhookRequest(url, notification.eventId(), body, signer);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
