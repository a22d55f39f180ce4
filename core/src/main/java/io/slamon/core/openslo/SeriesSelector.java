package io.slamon.core.openslo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prometheus-style series selector with equality matchers only, e.g. {@code
 * probe_success{module="s3", target="minio"}}: the metric name and the labels a series must carry
 * (the store matches labels by containment, so {@code =~}, {@code !=} and {@code !~} are not
 * supported and are rejected rather than silently read as something else).
 */
public record SeriesSelector(String metric, Map<String, String> labels) {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!=|!~|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(,|$)");

  public SeriesSelector {
    Objects.requireNonNull(metric, "metric");
    if (!NAME.matcher(metric).matches()) {
      throw new IllegalArgumentException("\"" + metric + "\" is not a metric name");
    }
    labels = Map.copyOf(labels);
  }

  /** Parses {@code metric} or {@code metric{label="value", ...}}; the message says what is wrong. */
  public static SeriesSelector parse(String text) {
    String s = text == null ? "" : text.strip();
    int brace = s.indexOf('{');
    String metric = brace < 0 ? s : s.substring(0, brace).strip();
    if (!NAME.matcher(metric).matches()) {
      throw new IllegalArgumentException("\"" + text + "\" is not a series selector: expecting a metric name, e.g. up{job=\"apiserver\"}");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (brace >= 0) {
      if (!s.endsWith("}")) {
        throw new IllegalArgumentException("\"" + text + "\" is not a series selector: the label matchers must end with }");
      }
      String body = s.substring(brace + 1, s.length() - 1).strip();
      Matcher m = LABEL.matcher(body);
      int pos = 0;
      while (pos < body.length()) {
        if (!m.find(pos) || m.start() != pos) {
          throw new IllegalArgumentException("\"" + text + "\" is not a series selector: expecting label=\"value\" matchers separated by commas");
        }
        if (!m.group(2).equals("=")) {
          throw new IllegalArgumentException("\"" + text + "\" uses " + m.group(2) + ": only equality matchers (label=\"value\") are supported");
        }
        if (labels.put(m.group(1), m.group(3).replaceAll("\\\\(.)", "$1")) != null) {
          throw new IllegalArgumentException("\"" + text + "\" names label " + m.group(1) + " twice");
        }
        pos = m.end();
      }
    }
    return new SeriesSelector(metric, labels);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(metric);
    if (!labels.isEmpty()) {
      sb.append('{');
      labels.forEach((k, v) -> sb.append(sb.charAt(sb.length() - 1) == '{' ? "" : ",").append(k).append("=\"")
          .append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
      sb.append('}');
    }
    return sb.toString();
  }
}
