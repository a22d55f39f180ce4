package io.slamon.alerts;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * A condition that holds right now (a burn rate above its threshold, a breached SLO, an
 * infrastructure problem). Its labels are its identity: the same labels in the next round are the
 * same alert, still firing.
 *
 * @param labels {@code alertname} plus {@code tenant}, {@code slo}, {@code severity}, {@code component} …
 * @param annotations description …
 */
public record AlertSpec(String title, Map<String, String> labels, Map<String, String> annotations, URI dashboardUrl,
    URI runbookUrl, String incidentId) {
  public AlertSpec {
    Objects.requireNonNull(title, "title");
    labels = new AlertLabels(labels).labels(); // checked now, not when Alertmanager refuses the batch
    annotations = Map.copyOf(annotations);
  }
}
