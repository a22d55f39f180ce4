package io.slamon.collector.admission;

import java.util.Map;

/**
 * A 64-bit identity of a series (name and label set, independent of map order). Two different
 * series collide with probability about n²/2⁶⁵ — for a million series about 3·10⁻⁸ — and a
 * collision only lets one new series in under an existing one's slot.
 */
final class SeriesHash {
  private SeriesHash() {}

  static long of(String metric, Map<String, String> labels) {
    long h = mix(fnv(metric));
    for (Map.Entry<String, String> e : labels.entrySet()) {
      // summing mixed per-label hashes makes the result independent of iteration order
      h += mix(fnv(e.getKey()) * 0x9E3779B97F4A7C15L + fnv(e.getValue()));
    }
    return h == 0 ? 1 : h;
  }

  private static long fnv(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** MurmurHash3's 64-bit finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
