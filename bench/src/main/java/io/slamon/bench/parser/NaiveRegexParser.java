package io.slamon.bench.parser;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline: how a text-format parser is usually written by hand in Java — split the page
 * into lines, match each sample line with a regular expression, split the label set on
 * commas and '='. It understands less than the real parser (no escapes, no exemplars, no
 * family tracking) and is here only to put the real parser's speed in proportion.
 */
public final class NaiveRegexParser {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+)(?:\\s+(-?\\d+))?\\s*$");

  /** One parsed sample. */
  public record Sample(String name, Map<String, String> labels, double value, long timestamp) {}

  /** Parses the page and returns the number of samples handed to {@code sink}. */
  public int parse(String page, Consumer<Sample> sink) {
    int n = 0;
    for (String line : page.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      Map<String, String> labels = new HashMap<>();
      if (m.group(2) != null && !m.group(2).isEmpty()) {
        for (String pair : m.group(2).split(",")) {
          String[] kv = pair.split("=", 2);
          String v = kv[1].trim();
          labels.put(kv[0].trim(), v.substring(1, v.length() - 1));
        }
      }
      long ts = m.group(4) == null ? Long.MIN_VALUE : Long.parseLong(m.group(4));
      sink.accept(new Sample(m.group(1), labels, Double.parseDouble(m.group(3)), ts));
      n++;
    }
    return n;
  }
}
