package io.slamon.core.internal;

import io.slamon.core.Durations;
import io.slamon.core.openslo.Metadata;
import io.slamon.core.openslo.MetricSource;
import io.slamon.core.openslo.RatioMetric;
import io.slamon.core.openslo.Sli;
import io.slamon.core.openslo.SliKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads an OpenSLO SLI spec (ratio or threshold metric) and its metric sources. */
final class SliReader {
  private SliReader() {}

  static Sli sliSpec(Fields f, Metadata md) {
    String description = f.string("description");
    RatioMetric ratio = f.object("ratioMetric", SliReader::ratio);
    MetricSource threshold = f.object("thresholdMetric", SliReader::metricSpec);
    if (f.has("ratioMetric") == f.has("thresholdMetric")) {
      f.error("needs exactly one of ratioMetric and thresholdMetric");
    }
    return f.build(() -> new Sli(md, description, ratio, threshold));
  }

  private static RatioMetric ratio(Fields f) {
    boolean counter = f.bool("counter", true);
    MetricSource good = f.object("good", SliReader::metricSpec);
    MetricSource bad = f.object("bad", SliReader::metricSpec);
    MetricSource total = f.object("total", SliReader::metricSpec);
    MetricSource raw = f.object("raw", SliReader::metricSpec);
    String rawType = f.string("rawType");
    if (rawType != null && !rawType.equals("success") && !rawType.equals("failure")) {
      f.error("rawType", "\"" + rawType + "\" is not one of success, failure");
    }
    if (f.clean()) {
      if (good != null && bad != null) {
        f.error("bad", "give either good or bad, not both");
      } else if (raw != null) {
        if (good != null || bad != null || total != null) {
          f.error("raw", "raw excludes good, bad and total");
        }
        if (rawType == null) {
          f.missing("rawType");
        }
      } else if (good == null && bad == null) {
        f.missing("good");
      } else {
        MetricSource primary = good != null ? good : bad;
        // a slamon built-in computes its own denominator; anything else needs an explicit total
        if (primary.kind() == null && total == null) {
          f.missing("total");
        }
      }
    }
    return f.build(() -> new RatioMetric(counter, good, bad, total, raw, rawType));
  }

  /** Reads {@code {metricSource: {type, spec}}}. */
  private static MetricSource metricSpec(Fields f) {
    MetricSource s = f.requiredObject("metricSource", SliReader::metricSource);
    return f.build(() -> s);
  }

  private static MetricSource metricSource(Fields f) {
    if (f.has("metricSourceRef")) {
      f.error("metricSourceRef", "DataSource references are not supported; give type and spec");
      return null;
    }
    String type = f.requiredString("type");
    if (type == null) {
      f.node("spec");
      f.finish();
      return null;
    }
    if (type.equals(MetricSource.SLAMON)) {
      MetricSource m = f.requiredObject("spec", SliReader::slamonSpec);
      return f.build(() -> m);
    }
    if (type.equalsIgnoreCase("prometheus")) {
      Map<String, String> spec =
          f.requiredObject(
              "spec",
              g -> {
                String q = g.requiredString("query");
                return g.build(() -> Map.of("query", q));
              });
      return f.build(() -> new MetricSource("prometheus", null, spec));
    }
    f.error("type", "\"" + type + "\" is not supported (use slamon or prometheus)");
    f.node("spec");
    f.finish();
    return null;
  }

  private static MetricSource slamonSpec(Fields f) {
    SliKind kind = f.enumValue("kind", SliKind.class, null, true);
    if (kind == null) {
      // without a kind the parameters cannot be checked; do not also call them unknown
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("kind", kind.configName());
    for (Map.Entry<String, SliKind.Param> e : kind.params().entrySet()) {
      String key = e.getKey();
      SliKind.Param p = e.getValue();
      String value = f.string(key);
      if (value == null) {
        if (p.required()) {
          f.missing(key);
        } else if (p.dflt() != null) {
          params.put(key, p.dflt());
        }
        continue;
      }
      if (checkParam(f, key, p.type(), value)) {
        params.put(key, value);
      }
    }
    return f.build(() -> new MetricSource(MetricSource.SLAMON, kind, params));
  }

  private static boolean checkParam(Fields f, String key, SliKind.Param.Type type, String value) {
    switch (type) {
      case DURATION -> {
        try {
          Durations.parse(value);
        } catch (IllegalArgumentException e) {
          f.error(key, e.getMessage());
          return false;
        }
      }
      case NUMBER -> {
        try {
          Double.parseDouble(value);
        } catch (NumberFormatException e) {
          f.error(key, "\"" + value + "\" is not a number");
          return false;
        }
      }
      case REGEX -> {
        try {
          Pattern.compile(value);
        } catch (PatternSyntaxException e) {
          f.error(key, "\"" + value + "\" is not a valid regular expression: " + e.getDescription());
          return false;
        }
      }
      case COMPONENT -> {
        if (io.slamon.core.openslo.Component.of(value) == null) {
          f.error(key, "\"" + value + "\" is not one of " + io.slamon.core.openslo.Component.names());
          return false;
        }
      }
      case SELECTOR -> {
        try {
          io.slamon.core.openslo.SeriesSelector.parse(value);
        } catch (IllegalArgumentException e) {
          f.error(key, e.getMessage());
          return false;
        }
      }
      case TEXT -> {
        if (value.isBlank()) {
          f.error(key, "must not be empty");
          return false;
        }
      }
      default -> throw new IllegalStateException(type.toString());
    }
    return true;
  }

}
