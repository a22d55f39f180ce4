package io.slamon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small validator for the Prometheus text format 0.0.4 as the simulator writes it: every line is
 * a HELP, a TYPE or a sample; samples have a valid name, well-formed labels, a float value and no
 * timestamp; each family's TYPE precedes its samples and appears once.
 */
final class PromTextCheck {
  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
  private static final Pattern TYPE =
      Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
  private static final Pattern SAMPLE =
      Pattern.compile(
          "(" + NAME + ")(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\""
              + "(?:,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\")*)?\\})?"
              + " ([-+]?(?:[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?|Inf|NaN))");

  private PromTextCheck() {}

  /** Asserts validity and returns series (name + labels) to value. */
  static Map<String, Double> parse(String text) {
    assertThat(text).endsWith("\n");
    var typed = new HashMap<String, String>();
    var helped = new HashSet<String>();
    var series = new LinkedHashMap<String, Double>();
    for (String line : text.split("\n")) {
      Matcher help = HELP.matcher(line);
      Matcher type = TYPE.matcher(line);
      Matcher sample = SAMPLE.matcher(line);
      if (help.matches()) {
        assertThat(helped.add(help.group(1))).as("HELP once: %s", line).isTrue();
      } else if (type.matches()) {
        assertThat(typed.put(type.group(1), type.group(2))).as("TYPE once: %s", line).isNull();
      } else {
        assertThat(sample.matches()).as("valid sample line without timestamp: '%s'", line).isTrue();
        String name = sample.group(1);
        assertThat(familyOf(name, typed.keySet()))
            .as("TYPE precedes sample %s", line)
            .isNotNull();
        String value = sample.group(3);
        double v =
            value.endsWith("Inf")
                ? (value.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                : Double.parseDouble(value);
        assertThat(series.put(name + (sample.group(2) == null ? "" : sample.group(2)), v))
            .as("series written once: %s", line)
            .isNull();
      }
    }
    return series;
  }

  private static String familyOf(String sample, Set<String> families) {
    if (families.contains(sample)) {
      return sample;
    }
    for (String suffix : new String[] {"_bucket", "_count", "_sum"}) {
      if (sample.endsWith(suffix)) {
        String base = sample.substring(0, sample.length() - suffix.length());
        if (families.contains(base)) {
          return base;
        }
      }
    }
    return null;
  }
}
