package io.slamon.collector.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeriesSetTest {
  @Test
  void behavesLikeAMapOfLastSeenTimesUnderRandomTouchesAndExpiry() {
    SeriesSet set = new SeriesSet();
    Map<Long, Long> model = new HashMap<>();
    SplittableRandom random = new SplittableRandom(7);
    for (long t = 1; t <= 50_000; t++) {
      long hash = 1 + random.nextLong(5_000); // never 0
      set.touch(hash, t);
      model.put(hash, t);
      if (t % 10_000 == 0) {
        long cutoff = t - 3_000;
        int removed = set.expire(cutoff);
        int before = model.size();
        model.values().removeIf(seen -> seen < cutoff);
        assertThat(removed).isEqualTo(before - model.size());
      }
      if (t % 997 == 0) {
        assertThat(set.size()).isEqualTo(model.size());
        long probe = 1 + random.nextLong(5_000);
        assertThat(set.contains(probe)).isEqualTo(model.containsKey(probe));
      }
    }
    assertThat(set.expire(Long.MAX_VALUE)).isEqualTo(model.size());
    assertThat(set.size()).isZero();
  }
}
