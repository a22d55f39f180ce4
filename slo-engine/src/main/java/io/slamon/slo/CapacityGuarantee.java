package io.slamon.slo;

import io.slamon.slo.internal.Intervals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Reserved GPU count against healthy allocatable GPUs during the contract's critical windows. A
 * sample holds from its instant until the next sample, but at most {@code staleAfter}; time not
 * covered by a fresh sample is unknown and counts as short.
 */
public final class CapacityGuarantee {
  private final int reservedGpus;
  private final Duration staleAfter;

  public CapacityGuarantee(int reservedGpus, Duration staleAfter) {
    if (reservedGpus <= 0) {
      throw new IllegalArgumentException("Illegal reservation of " + reservedGpus + " GPUs: expecting > 0");
    }
    if (staleAfter == null || staleAfter.isNegative() || staleAfter.isZero()) {
      throw new IllegalArgumentException("Illegal staleness limit " + staleAfter + ": expecting a positive duration");
    }
    this.reservedGpus = reservedGpus;
    this.staleAfter = staleAfter;
  }

  public CapacityResult evaluate(List<TimeInterval> criticalWindows, List<CapacitySample> samples) {
    List<TimeInterval> critical = Intervals.normalize(criticalWindows);
    List<CapacitySample> sorted = new ArrayList<>(Objects.requireNonNull(samples, "samples"));
    sorted.sort(Comparator.comparing(CapacitySample::at));
    List<TimeInterval> known = new ArrayList<>();
    List<TimeInterval> shortKnown = new ArrayList<>();
    int worst = 0;
    for (int i = 0; i < sorted.size(); i++) {
      CapacitySample s = sorted.get(i);
      Instant validUntil = s.at().plus(staleAfter);
      if (i + 1 < sorted.size() && sorted.get(i + 1).at().isBefore(validUntil)) {
        validUntil = sorted.get(i + 1).at();
      }
      TimeInterval valid = new TimeInterval(s.at(), validUntil);
      known.add(valid);
      int missing = reservedGpus - s.healthyAllocatable();
      if (missing > 0 && !Intervals.intersect(List.of(valid), critical).isEmpty()) {
        shortKnown.add(valid);
        worst = Math.max(worst, missing);
      }
    }
    List<TimeInterval> unknown = Intervals.subtract(critical, known);
    List<TimeInterval> shortAll = Intervals.union(Intervals.intersect(shortKnown, critical), unknown);
    return new CapacityResult(Intervals.total(critical), Intervals.total(shortAll), Intervals.total(unknown), worst, shortAll);
  }
}
