package io.slamon.alerts;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The stable label set of an alert as Alertmanager sees it ({@code tenant}, {@code slo},
 * {@code severity}, {@code component}, {@code incident_id}, {@code regime}). Names are checked against
 * Prometheus' label-name grammar on construction, so a bad label never reaches Alertmanager, which
 * would reject the whole batch.
 */
public record AlertLabels(Map<String, String> labels) {
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  public AlertLabels {
    var sorted = new TreeMap<String, String>();
    labels.forEach((k, v) -> {
      if (!LABEL_NAME.matcher(k).matches() || k.startsWith("__")) {
        throw new IllegalArgumentException("Illegal label name '" + k + "': expecting [a-zA-Z_][a-zA-Z0-9_]* not starting with __");
      }
      if (v == null || v.isEmpty()) {
        throw new IllegalArgumentException("Label '" + k + "' has no value: Alertmanager treats empty labels as absent");
      }
      sorted.put(k, v);
    });
    if (!sorted.containsKey("alertname")) {
      throw new IllegalArgumentException("An alert needs an 'alertname' label");
    }
    labels = java.util.Collections.unmodifiableMap(sorted);
  }
}
