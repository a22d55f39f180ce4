package io.slamon.alerts;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One alert as Alertmanager's API v2 takes it ({@code postableAlert}): labels identify it,
 * annotations describe it, {@code endsAt} in the past resolves it.
 *
 * @param labels the identity (Alertmanager fingerprints the label set)
 * @param annotations summary, description, runbook_url, dashboard_url …
 * @param startsAt when the condition began
 * @param endsAt when it ended, or {@code null} while active (Alertmanager then applies its
 *     resolve_timeout, so an active alert is re-sent before that runs out)
 * @param generatorUrl link back to slamon, or {@code null}
 */
public record AlertmanagerAlert(
    AlertLabels labels, Map<String, String> annotations, Instant startsAt, Instant endsAt, URI generatorUrl) {
  public AlertmanagerAlert {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(startsAt, "startsAt");
    annotations = Map.copyOf(annotations);
    if (endsAt != null && endsAt.isBefore(startsAt)) {
      throw new IllegalArgumentException("alert " + labels.labels() + " ends (" + endsAt + ") before it starts (" + startsAt + ")");
    }
  }

  /** The same alert, resolved at {@code at}. */
  public AlertmanagerAlert resolvedAt(Instant at) {
    return new AlertmanagerAlert(labels, annotations, startsAt, at, generatorUrl);
  }
}
