package io.slamon.slo;

import java.time.Duration;
import java.util.List;

/**
 * A capacity guarantee over its critical windows.
 *
 * @param critical total length of the critical windows
 * @param timeShort time with fewer healthy GPUs than reserved, including unknown time
 * @param unknown the part of {@code timeShort} without a fresh sample (counted short: a guarantee
 *     needs evidence)
 * @param worstShortfall the most GPUs missing at any sampled instant (0 if never short)
 * @param shortIntervals the short intervals, as evidence
 */
public record CapacityResult(Duration critical, Duration timeShort, Duration unknown, int worstShortfall, List<TimeInterval> shortIntervals) {
  public CapacityResult {
    shortIntervals = List.copyOf(shortIntervals);
  }

  public double minutesShort() {
    return Minutes.of(timeShort);
  }
}
