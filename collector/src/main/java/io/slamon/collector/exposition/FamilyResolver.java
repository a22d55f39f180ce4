package io.slamon.collector.exposition;

import java.util.HashMap;
import java.util.Map;

/**
 * Lenient family membership: a sample belongs to the family of the last {@code # TYPE} line
 * when its name is the family name plus a suffix that type allows, else to any earlier
 * declared family it fits (pages that interleave families), else it is its own undeclared
 * family. Suffixes are only ever checked against a declared type, never used to guess one,
 * so TGI's {@code tgi_request_count} counter (no {@code _total}) and vLLM's
 * {@code vllm:iteration_tokens_total} histogram resolve correctly.
 */
final class FamilyResolver {
  private static final String[] SUFFIXES = {"_total", "_created", "_bucket", "_count", "_sum", "_gcount", "_gsum", "_info"};

  private static final String[] COUNTER_SUFFIXES = {"_total", "_created"};
  private static final String[] SUMMARY_SUFFIXES = {"_count", "_sum", "_created"};
  private static final String[] HISTOGRAM_SUFFIXES = {"_bucket", "_count", "_sum", "_created"};
  private static final String[] GAUGEHISTOGRAM_SUFFIXES = {"_bucket", "_gcount", "_gsum"};
  private static final String[] INFO_SUFFIXES = {"_info"};
  private static final String[] NONE = {};

  private final MetricType undeclaredType;
  private final Map<String, Family> declared = new HashMap<>();
  private Family current;
  private Family lastUndeclared;

  FamilyResolver(MetricType undeclaredType) {
    this.undeclaredType = undeclaredType;
  }

  void declare(Family family) {
    declared.put(family.name(), family);
    current = family;
  }

  boolean isDeclared(String family) {
    return declared.containsKey(family);
  }

  Family resolve(String name) {
    if (current != null && belongs(name, current)) {
      return current;
    }
    if (!declared.isEmpty()) {
      Family f = declared.get(name);
      if (f != null) {
        return f;
      }
      for (String suffix : SUFFIXES) {
        if (name.endsWith(suffix)) {
          f = declared.get(name.substring(0, name.length() - suffix.length()));
          if (f != null && belongs(name, f)) {
            return f;
          }
        }
      }
    }
    if (lastUndeclared == null || !lastUndeclared.name().equals(name)) {
      lastUndeclared = new Family(name, undeclaredType);
    }
    return lastUndeclared;
  }

  static boolean belongs(String name, Family family) {
    String f = family.name();
    if (!name.startsWith(f)) {
      return false;
    }
    int n = name.length() - f.length();
    if (n == 0) {
      return true;
    }
    for (String suffix : suffixes(family.type())) {
      if (suffix.length() == n && name.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  /** The sample-name suffixes each type allows after the family name (besides none). */
  static String[] suffixes(MetricType type) {
    return switch (type) {
      case COUNTER -> COUNTER_SUFFIXES;
      case SUMMARY -> SUMMARY_SUFFIXES;
      case HISTOGRAM -> HISTOGRAM_SUFFIXES;
      case GAUGEHISTOGRAM -> GAUGEHISTOGRAM_SUFFIXES;
      case INFO -> INFO_SUFFIXES;
      default -> NONE;
    };
  }
}
