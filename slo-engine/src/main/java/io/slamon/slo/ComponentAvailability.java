package io.slamon.slo;

import io.slamon.core.openslo.Component;
import io.slamon.core.openslo.SeriesSelector;
import io.slamon.store.RollupReader.Minute;
import io.slamon.store.RollupReader.RollupSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Availability of an infrastructure {@link Component} per minute, from the 1-minute rollups of its
 * 0/1 health series ({@code up} of its scrape targets, {@code probe_success} of its blackbox
 * probes). A minute has data when any selected series has a rollup row in it; the component was
 * up in that minute when every such row's smallest sample ({@code min}) is at least 1 — one failed
 * scrape or probe of any target makes the minute down (the customer is never judged too kindly,
 * as for outages from {@code up} in the SLA period). A minute without any row has no data: the
 * collector writes {@code up} even when a scrape fails, so silence means slamon was not looking,
 * not that the component was down.
 *
 * <p>Per slice the counts are up minutes / minutes with data, so Occurrences gives the share of
 * up minutes, Timeslices judges a slice good when that share reaches {@code timeSliceTarget}
 * (1 = up for the whole slice) and RatioTimeslices averages the slices' shares.
 */
public final class ComponentAvailability {
  /** The SLO parameter naming the component ({@code gpu-nodes}, {@code control-plane}, ...). */
  public static final String COMPONENT = "component";
  /** The SLO parameter overriding the component's series ({@code metric{label="value",...}}). */
  public static final String SELECTOR = "selector";

  private ComponentAvailability() {}

  /** The series the SLO reads: its {@code selector}, else its component's default. */
  public static SeriesSelector selector(SloDefinition slo) {
    String custom = slo.params().get(SELECTOR);
    if (custom != null) {
      return SeriesSelector.parse(custom);
    }
    Component c = Component.of(slo.params().get(COMPONENT));
    if (c == null) {
      throw new IllegalArgumentException("Illegal component '" + slo.params().get(COMPONENT) + "' for SLO " + slo.name()
          + ": expecting one of " + Component.names());
    }
    return c.defaultSelector();
  }

  /** Per slice: up minutes / minutes with data ({@link SliCounts#NONE} without data). */
  public static List<SliCounts> perSlice(List<RollupSeries> series, TimeSlices slices) {
    TreeMap<Long, Boolean> upByMinute = new TreeMap<>(); // placed minute -> up
    for (RollupSeries s : series) {
      for (Minute m : s.minutes()) {
        if (m.count() > 0) {
          upByMinute.merge(SlicedSeries.at(m, slices.from()), m.min() >= 1, Boolean::logicalAnd);
        }
      }
    }
    double[] up = new double[slices.count()];
    double[] total = new double[slices.count()];
    upByMinute.forEach((at, isUp) -> {
      int i = slices.indexOf(at);
      if (i >= 0) {
        total[i]++;
        up[i] += isUp ? 1 : 0;
      }
    });
    List<SliCounts> out = new ArrayList<>(up.length);
    for (int i = 0; i < up.length; i++) {
      out.add(total[i] > 0 ? new SliCounts(up[i], total[i]) : SliCounts.NONE);
    }
    return out;
  }
}
