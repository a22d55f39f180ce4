package io.slamon.collector.otlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * OpenTelemetry → Prometheus names, following the specification's "Prometheus and OpenMetrics
 * Compatibility" rules (as Prometheus' own OTLP receiver applies them with suffixes on): the
 * name is split at every character that is not a letter or digit and joined with {@code _};
 * the unit is translated ({@code s} → {@code seconds}, {@code By} → {@code bytes},
 * {@code {token}} → nothing, {@code m/s} → {@code meters_per_second}) and appended unless the
 * name already ends with it; a gauge with unit {@code 1} gets {@code _ratio}; a monotonic sum
 * ends in {@code _total}. So {@code gen_ai.server.time_to_first_token} (unit {@code s}) becomes
 * {@code gen_ai_server_time_to_first_token_seconds} — the name the SLO engine maps onto the same
 * time-to-first-token SLI as vLLM's {@code vllm:time_to_first_token_seconds}.
 */
public final class OtlpNames {
  /** What a metric is in Prometheus terms; decides the {@code _total} and {@code _ratio} suffixes. */
  public enum Kind { GAUGE, COUNTER, HISTOGRAM, SUMMARY }

  private static final Map<String, String> UNITS = Map.ofEntries(
      Map.entry("d", "days"), Map.entry("h", "hours"), Map.entry("min", "minutes"), Map.entry("s", "seconds"),
      Map.entry("ms", "milliseconds"), Map.entry("us", "microseconds"), Map.entry("ns", "nanoseconds"),
      Map.entry("By", "bytes"), Map.entry("KiBy", "kibibytes"), Map.entry("MiBy", "mebibytes"),
      Map.entry("GiBy", "gibibytes"), Map.entry("TiBy", "tibibytes"), Map.entry("KBy", "kilobytes"),
      Map.entry("MBy", "megabytes"), Map.entry("GBy", "gigabytes"), Map.entry("TBy", "terabytes"),
      Map.entry("m", "meters"), Map.entry("V", "volts"), Map.entry("A", "amperes"), Map.entry("J", "joules"),
      Map.entry("W", "watts"), Map.entry("g", "grams"), Map.entry("Cel", "celsius"), Map.entry("Hz", "hertz"),
      Map.entry("%", "percent"));
  private static final Map<String, String> PER_UNITS = Map.of(
      "s", "second", "m", "minute", "h", "hour", "d", "day", "w", "week", "mo", "month", "y", "year");

  private OtlpNames() {}

  /** The Prometheus metric name of an OTLP metric (without {@code _bucket}/{@code _sum}/{@code _count}). */
  public static String metricName(String otelName, String unit, Kind kind) {
    List<String> tokens = tokens(otelName);
    List<String> unitTokens = tokens(unitSuffix(unit, kind));
    if (!unitTokens.isEmpty() && !endsWith(tokens, unitTokens)) {
      tokens.addAll(unitTokens);
    }
    if (kind == Kind.COUNTER) {
      tokens.remove("total"); // moved to the end, as the specification says
      tokens.add("total");
    }
    String name = String.join("_", tokens);
    if (name.isEmpty()) {
      return "";
    }
    return Character.isDigit(name.charAt(0)) ? "_" + name : name;
  }

  /**
   * A label name from an attribute key: every character outside {@code [a-zA-Z0-9_]} becomes
   * {@code _}; a leading digit gets the prefix {@code key_}. Empty keys give an empty name
   * (the caller drops the attribute).
   */
  public static String labelName(String key) {
    if (key.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(key.length() + 4);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      b.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
    }
    return Character.isDigit(b.charAt(0)) ? "key_" + b : b.toString();
  }

  /** The unit as Prometheus words, e.g. {@code seconds}, {@code meters_per_second}, or "" for none. */
  static String unitSuffix(String unit, Kind kind) {
    if (unit == null) {
      return "";
    }
    // Annotations in braces ({token}, {request}) carry no unit.
    String u = unit.replaceAll("\\{[^}]*}", "").trim();
    if (u.equals("1")) {
      return kind == Kind.GAUGE ? "ratio" : "";
    }
    if (u.isEmpty()) {
      return "";
    }
    int slash = u.indexOf('/');
    if (slash >= 0) {
      String main = u.substring(0, slash).trim();
      String per = u.substring(slash + 1).trim();
      String mainWord = main.isEmpty() ? "" : UNITS.getOrDefault(main, main);
      String perWord = PER_UNITS.getOrDefault(per, per);
      return perWord.isEmpty() ? mainWord : (mainWord.isEmpty() ? "per_" + perWord : mainWord + "_per_" + perWord);
    }
    return UNITS.getOrDefault(u, u);
  }

  private static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= s.length(); i++) {
      boolean word = i < s.length() && Character.isLetterOrDigit(s.charAt(i)) && s.charAt(i) < 128;
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(s.substring(start, i));
        start = -1;
      }
    }
    return out;
  }

  private static boolean endsWith(List<String> tokens, List<String> suffix) {
    if (suffix.size() > tokens.size()) {
      return false;
    }
    int off = tokens.size() - suffix.size();
    for (int i = 0; i < suffix.size(); i++) {
      if (!tokens.get(off + i).toLowerCase(Locale.ROOT).equals(suffix.get(i).toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }
}
