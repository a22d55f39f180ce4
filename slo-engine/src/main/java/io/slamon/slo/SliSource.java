package io.slamon.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Where the engine gets good/total counts from; the store adapter implements it. */
public interface SliSource {
  SliCounts counts(SloDefinition slo, Instant from, Instant to);

  /**
   * Counts per slice of {@code slice} length from {@code from} (the last slice ends at {@code to}),
   * for the slice budgeting methods. This default asks {@link #counts} once per slice; sources that
   * read a window once override it.
   */
  default List<SliCounts> sliceCounts(SloDefinition slo, Instant from, Instant to, Duration slice) {
    TimeSlices slices = new TimeSlices(from, to, slice);
    List<SliCounts> out = new ArrayList<>(slices.count());
    for (int i = 0; i < slices.count(); i++) {
      TimeInterval s = slices.slice(i);
      out.add(counts(slo, s.start(), s.end()));
    }
    return out;
  }
}
