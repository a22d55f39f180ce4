package io.slamon.collector.admission;

import io.slamon.store.Labels;
import java.util.Map;

/**
 * A 64-bit identity of a series (name and label set, independent of map order). Two different
 * series collide with probability about n²/2⁶⁵ — for a million series about 3·10⁻⁸ — and a
 * collision only lets one new series in under an existing one's slot.
 */
final class SeriesHash {
  private SeriesHash() {}

  static long of(String metric, Map<String, String> labels) {
    // the labels' part is cached in the Labels instance, which a sample keeps across scrapes
    long h = Labels.mix(Labels.fnv(metric)) + Labels.of(labels).hash64();
    return h == 0 ? 1 : h;
  }
}
