package io.slamon.core.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A named delivery destination.
 *
 * @param name referenced by routes
 * @param kind Alertmanager (API v2) or a webhook
 * @param urls the Alertmanager instances (every one gets every alert, as Prometheus does with an
 *     HA pair), or the one webhook URL
 * @param format payload shape of a webhook ({@code null} for Alertmanager)
 * @param secret HMAC secret of a generic webhook ({@code null} for Slack and Teams, which
 *     authenticate by their secret URL)
 */
public record AlertReceiver(String name, Kind kind, List<URI> urls, WebhookFormat format, String secret) {
  /** Where a receiver delivers. */
  public enum Kind {
    ALERTMANAGER,
    WEBHOOK
  }

  /** The payload shape of a webhook. */
  public enum WebhookFormat implements ConfigEnum {
    GENERIC,
    SLACK,
    TEAMS;

    @Override
    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public AlertReceiver {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("receiver '" + name + "' needs a URL");
    }
    if (kind == Kind.WEBHOOK && (urls.size() != 1 || format == null)) {
      throw new IllegalArgumentException("webhook receiver '" + name + "' needs exactly one url and a format");
    }
  }
}
