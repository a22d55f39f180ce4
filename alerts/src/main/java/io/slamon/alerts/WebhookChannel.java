package io.slamon.alerts;

import io.slamon.core.config.AlertReceiver;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.function.Function;

/** Delivers to a webhook in the receiver's shape; generic webhooks are signed. */
public final class WebhookChannel implements Channel {
  private final URI url;
  private final Function<Notification, byte[]> render;
  private final WebhookSigner signer;
  private final WebhookSender sender;

  public WebhookChannel(AlertReceiver receiver, Duration timeout, InstantSource clock) {
    this.url = receiver.urls().get(0);
    this.render = switch (receiver.format()) {
      case GENERIC -> n -> WebhookPayloads.bytes(WebhookPayloads.generic(n));
      case SLACK -> n -> WebhookPayloads.bytes(WebhookPayloads.slack(n));
      case TEAMS -> n -> WebhookPayloads.bytes(WebhookPayloads.teams(n));
    };
    this.signer = receiver.secret() == null ? null : new WebhookSigner(receiver.secret(), clock);
    // One attempt per call: the outbox owns retries and backoff, persistently.
    this.sender = new WebhookSender(new RetryPolicy(1, timeout, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofDays(1)), clock);
  }

  @Override
  public Attempt deliver(Notification n) {
    DeliveryResult r = sender.send(WebhookRequest.of(url, n, render.apply(n), signer), a -> {});
    DeliveryAttempt a = r.last();
    return new Attempt(a.startedAt(), a.duration(), a.status(), a.error(),
        r.outcome() == DeliveryResult.Outcome.GAVE_UP, r.retryAfter());
  }
}
