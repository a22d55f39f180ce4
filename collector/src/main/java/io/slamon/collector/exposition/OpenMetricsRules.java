package io.slamon.collector.exposition;

import io.slamon.collector.exposition.LineCursor.LineException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The semantic rules of OpenMetrics 1.0 that the line grammar cannot check, applied while
 * streaming: metadata before samples and at most once, family grouping, clashing names,
 * units matching the name, per-type value and label rules, exemplar placement, and
 * histogram bucket order/consistency. The rule set follows the OpenMetrics specification
 * and, where the specification leaves room, its reference parser (prometheus_client's
 * {@code openmetrics/parser.py}), which the official parser test cases were written for.
 */
final class OpenMetricsRules {
  private final Set<String> seenNames = new HashSet<>();
  private String name;
  private MetricType type;
  private String unit;
  private boolean hasHelp;
  private boolean hasType;
  private boolean hasUnit;
  private boolean hasSamples;
  private Family family;
  private String group;
  private final Set<String> seenGroups = new HashSet<>();
  private boolean groupHasTs;
  private long groupTs;
  private final HistogramCheck histogram = new HistogramCheck();

  /** A {@code # HELP/TYPE/UNIT} line for {@code candidate}. */
  void metadata(String keyword, String candidate, String text) {
    if (candidate.equals(name) && hasSamples) {
      throw new LineException("metadata for '" + candidate + "' after its samples");
    }
    if (!candidate.equals(name)) {
      finishFamily();
      start(candidate, null);
    }
    switch (keyword) {
      case "HELP" -> {
        if (hasHelp) {
          throw new LineException("second HELP line for metric family '" + name + "'");
        }
        hasHelp = true;
      }
      case "UNIT" -> {
        if (hasUnit) {
          throw new LineException("second UNIT line for metric family '" + name + "'");
        }
        hasUnit = true;
        unit = text;
      }
      default -> {
        if (hasType) {
          throw new LineException("second TYPE line for metric family '" + name + "'");
        }
        hasType = true;
        type = MetricType.parse(text).filter(t -> t != MetricType.UNTYPED).orElseThrow(() -> new LineException(
            "unknown metric type '" + text + "', expected counter, gauge, histogram, gaugehistogram, summary, info, stateset or unknown"));
        family = new Family(name, type);
      }
    }
  }

  /** The family of the sample; checks everything about it. */
  Family sample(String sampleName, LabelSet labels, double value, boolean hasTs, long ts, Exemplar exemplar) {
    if (name == null || !allowed(sampleName)) {
      finishFamily();
      start(sampleName, MetricType.UNKNOWN);
    }
    hasSamples = true;
    String suffix = sampleName.substring(name.length());
    MetricType t = family.type();
    if (t == MetricType.STATESET && !labels.contains(name)) {
      throw new LineException("stateset sample without its '" + name + "' label");
    }
    if (suffix.equals("_bucket")) {
      String le = labels.get("le");
      if (le == null || Double.isNaN(number(le)) || !canonicalInfinity(le)) {
        throw new LineException("bucket without a valid 'le' label");
      }
      requireInteger(value, "bucket");
    }
    if (suffix.equals("_count") || suffix.equals("_gcount")) {
      requireInteger(value, "count");
    }
    if (t == MetricType.SUMMARY && suffix.isEmpty()) {
      String q = labels.get("quantile");
      double qv = q == null ? Double.NaN : number(q);
      if (!(qv >= 0 && qv <= 1) || !canonicalInfinity(q)) {
        throw new LineException("summary quantile sample needs a 'quantile' label between 0 and 1");
      }
      if (value < 0) {
        throw new LineException("quantile values cannot be negative");
      }
    }
    String g = t == MetricType.STATESET ? key(labels, name, false) : groupKey(sampleName, labels, t);
    if (group != null && !g.equals(group) && seenGroups.contains(g)) {
      throw new LineException("samples of one metric point are not grouped together");
    }
    if (group != null && g.equals(group)) {
      if (hasTs != groupHasTs) {
        throw new LineException("mix of samples with and without timestamps in one metric point");
      }
      if (hasTs && groupTs > ts && t != MetricType.INFO) {
        throw new LineException("timestamps went backwards within a metric point");
      }
    }
    group = g;
    groupHasTs = hasTs;
    groupTs = ts;
    seenGroups.add(g);
    if (t == MetricType.STATESET && value != 0 && value != 1) {
      throw new LineException("stateset values can only be 0 or 1");
    }
    if (t == MetricType.INFO && value != 1) {
      throw new LineException("info values can only be 1");
    }
    boolean counterLike = switch (suffix) {
      case "_total", "_sum", "_count", "_bucket", "_gcount" -> true;
      default -> false;
    };
    if (counterLike && (Double.isNaN(value) || value < 0)) {
      throw new LineException(suffix + " samples cannot be NaN or negative");
    }
    if (exemplar != null) {
      boolean bucket = (t == MetricType.HISTOGRAM || t == MetricType.GAUGEHISTOGRAM) && suffix.equals("_bucket");
      if (!bucket && !(t == MetricType.COUNTER && suffix.equals("_total"))) {
        throw new LineException("only counter _total and histogram _bucket samples may carry exemplars");
      }
    }
    if (t == MetricType.HISTOGRAM || t == MetricType.GAUGEHISTOGRAM) {
      histogram.add(name, suffix, labels, value, hasTs, ts);
    }
    return family;
  }

  /** End of page: checks the last family and the EOF marker. */
  void finish(boolean eof) {
    finishFamily();
    if (!eof) {
      throw new LineException("missing '# EOF' at the end of the page");
    }
  }

  private boolean allowed(String sampleName) {
    if (!sampleName.startsWith(name)) {
      return false;
    }
    MetricType t = type == null ? MetricType.UNKNOWN : type;
    int n = sampleName.length() - name.length();
    // A counter's and a histogram's samples all carry a suffix; a bare name is another family.
    if (n == 0) {
      return t != MetricType.COUNTER && t != MetricType.HISTOGRAM && t != MetricType.GAUGEHISTOGRAM
          && t != MetricType.INFO;
    }
    for (String suffix : FamilyResolver.suffixes(t)) {
      if (suffix.length() == n && sampleName.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  private void start(String familyName, MetricType declared) {
    name = familyName;
    type = declared;
    family = new Family(familyName, declared == null ? MetricType.UNKNOWN : declared);
    unit = null;
    hasHelp = hasType = hasUnit = hasSamples = false;
    group = null;
    seenGroups.clear();
    histogram.reset();
  }

  private void finishFamily() {
    if (name == null) {
      return;
    }
    MetricType t = type == null ? MetricType.UNKNOWN : type;
    List<String> names = new ArrayList<>();
    names.add(name);
    for (String suffix : FamilyResolver.suffixes(t)) {
      names.add(name + suffix);
    }
    for (String n : names) {
      if (!seenNames.add(n)) {
        throw new LineException("metric family '" + name + "' clashes with an earlier family over the name '" + n + "'");
      }
    }
    if (unit != null && !unit.isEmpty()) {
      if (!name.endsWith("_" + unit)) {
        throw new LineException("unit '" + unit + "' is not the suffix of the family name '" + name + "'");
      }
      if (t == MetricType.INFO || t == MetricType.STATESET) {
        throw new LineException("a " + t.name().toLowerCase(java.util.Locale.ROOT) + " has no unit");
      }
    }
    if (t == MetricType.HISTOGRAM || t == MetricType.GAUGEHISTOGRAM) {
      histogram.finish(name);
    }
    name = null;
  }

  private static String groupKey(String sampleName, LabelSet labels, MetricType t) {
    if (t == MetricType.INFO) {
      return "";
    }
    String skip = null;
    if (t == MetricType.SUMMARY && !sampleName.endsWith("_count") && !sampleName.endsWith("_sum")
        && !sampleName.endsWith("_created")) {
      skip = "quantile";
    } else if ((t == MetricType.HISTOGRAM || t == MetricType.GAUGEHISTOGRAM) && sampleName.endsWith("_bucket")) {
      skip = "le";
    }
    return key(labels, skip, t == MetricType.STATESET);
  }

  /** Sorted label pairs without {@code skip} (and, for a stateset, its first state label). */
  static String key(LabelSet labels, String skip, boolean stateset) {
    List<String> parts = new ArrayList<>(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      if (!labels.name(i).equals(skip)) {
        parts.add(labels.name(i) + "\u0000" + labels.value(i));
      }
    }
    parts.sort(null);
    return String.join("\u0001", parts);
  }

  static double number(String text) {
    LineCursor c = new LineCursor(false);
    c.reset(text, 0, text.length());
    try {
      return c.parseNumber(0, text.length(), "number");
    } catch (LineException e) {
      return Double.NaN;
    }
  }

  /** Infinite label values must be spelled {@code +Inf} / {@code -Inf}; finite ones are free. */
  private static boolean canonicalInfinity(String text) {
    return !Double.isInfinite(number(text)) || text.equals("+Inf") || text.equals("-Inf");
  }

  private static void requireInteger(double value, String what) {
    if (value != Math.rint(value) && !Double.isInfinite(value)) {
      throw new LineException(what + " values must be integers");
    }
  }

  /** Bucket order and count/sum consistency per metric point (group and timestamp). */
  private static final class HistogramCheck {
    private String group;
    private boolean started;
    private boolean hasTs;
    private long ts;
    private double bucket;
    private boolean hasBucket;
    private double bucketValue;
    private boolean hasCount;
    private double count;
    private boolean hasSum;
    private boolean hasGsum;
    private boolean negativeBuckets;
    private boolean negativeGsum;

    void reset() {
      started = false;
    }

    void add(String name, String suffix, LabelSet labels, double value, boolean sampleHasTs, long sampleTs) {
      if (suffix.isEmpty()) {
        return;
      }
      String g = key(labels, suffix.equals("_bucket") ? "le" : null, false);
      if (!started || !g.equals(group) || sampleHasTs != hasTs || sampleTs != ts) {
        if (started) {
          finish(name);
        }
        started = true;
        hasBucket = hasCount = hasSum = hasGsum = negativeBuckets = negativeGsum = false;
        bucketValue = 0;
      }
      group = g;
      hasTs = sampleHasTs;
      ts = sampleTs;
      switch (suffix) {
        case "_bucket" -> {
          double b = number(labels.get("le"));
          if (b < 0) {
            negativeBuckets = true;
          }
          if (hasBucket && b <= bucket) {
            throw new LineException("histogram '" + name + "': buckets out of order");
          }
          if (value < bucketValue) {
            throw new LineException("histogram '" + name + "': bucket values decrease");
          }
          hasBucket = true;
          bucket = b;
          bucketValue = value;
        }
        case "_count", "_gcount" -> {
          hasCount = true;
          count = value;
        }
        case "_sum" -> hasSum = true;
        case "_gsum" -> {
          hasGsum = true;
          negativeGsum |= value < 0;
        }
        default -> {}
      }
    }

    void finish(String name) {
      if (!started) {
        return;
      }
      started = false;
      String why = null;
      if (!hasBucket || bucket != Double.POSITIVE_INFINITY) {
        why = "the +Inf bucket is missing";
      } else if (hasCount && count != bucketValue) {
        why = "_count does not match the +Inf bucket";
      } else if ((hasSum || hasGsum) && !hasCount) {
        why = "_sum needs _count";
      } else if (!(hasSum || hasGsum) && hasCount) {
        why = "_count needs _sum";
      } else if (negativeBuckets && hasSum) {
        why = "_sum is not allowed with negative buckets";
      } else if (!negativeBuckets && negativeGsum) {
        why = "negative _gsum needs negative buckets";
      }
      if (why != null) {
        throw new LineException("histogram '" + name + "': " + why);
      }
    }
  }
}
