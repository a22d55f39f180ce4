package io.slamon.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes announced maintenance inside the contract's agreed windows from the denominator of every
 * SLO: the events counted during excluded time are subtracted from good and total (they are
 * neither good nor bad). Unannounced, late-announced or overrunning maintenance is not excluded, so
 * whatever failed then counts against the SLO.
 */
public final class MaintenanceAwareSliSource implements SliSource {
  private final SliSource source;
  private final MaintenanceExclusions exclusions;

  public MaintenanceAwareSliSource(SliSource source, MaintenanceExclusions exclusions) {
    this.source = source;
    this.exclusions = exclusions;
  }

  @Override
  public SliCounts counts(SloDefinition slo, Instant from, Instant to) {
    return minusExcluded(slo, source.counts(slo, from, to), exclusions.excluded(slo.tenant(), from, to));
  }

  @Override
  public List<SliCounts> sliceCounts(SloDefinition slo, Instant from, Instant to, Duration slice) {
    List<SliCounts> slices = source.sliceCounts(slo, from, to, slice);
    List<TimeInterval> excluded = exclusions.excluded(slo.tenant(), from, to);
    if (excluded.isEmpty()) {
      return slices;
    }
    TimeSlices cut = new TimeSlices(from, to, slice);
    List<SliCounts> out = new ArrayList<>(slices.size());
    for (int i = 0; i < slices.size(); i++) {
      TimeInterval s = cut.slice(i);
      List<TimeInterval> inSlice = io.slamon.slo.internal.Intervals.intersect(excluded, List.of(s));
      out.add(inSlice.isEmpty() ? slices.get(i) : minusExcluded(slo, slices.get(i), inSlice));
    }
    return out;
  }

  private SliCounts minusExcluded(SloDefinition slo, SliCounts whole, List<TimeInterval> excluded) {
    double good = whole.good();
    double total = whole.total();
    for (TimeInterval e : excluded) {
      SliCounts during = source.counts(slo, e.start(), e.end());
      good -= during.good();
      total -= during.total();
    }
    // counts are read per interval, so a step across an interval's edge may land on either side
    total = Math.max(0, total);
    return new SliCounts(Math.min(Math.max(0, good), total), total);
  }
}
