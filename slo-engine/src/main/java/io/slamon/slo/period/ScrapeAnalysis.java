package io.slamon.slo.period;

import io.slamon.slo.TimeInterval;
import io.slamon.store.SampleReader.Point;
import io.slamon.store.SampleReader.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/** Outages and data completeness from the collector's {@code up} series (1 = scrape succeeded). */
final class ScrapeAnalysis {
  /** A pause longer than this many scrape intervals is a gap in the data. */
  static final int GAP_FACTOR = 3;

  private ScrapeAnalysis() {}

  /**
   * A target is down from a failed scrape until its next scrape (the last failed scrape counts one
   * interval). Any of the tenant's targets down counts: the customer is never judged too kindly.
   */
  static List<TimeInterval> outages(List<Series> up) {
    List<TimeInterval> out = new ArrayList<>();
    for (Series s : up) {
      List<Point> p = s.points();
      long interval = typicalInterval(p);
      for (int i = 0; i < p.size(); i++) {
        if (p.get(i).value() == 0) {
          long start = p.get(i).timestampMillis();
          long end = i + 1 < p.size() ? p.get(i + 1).timestampMillis() : start + interval;
          if (end > start) {
            out.add(new TimeInterval(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end)));
          }
        }
      }
    }
    return out;
  }

  static PeriodInputs.ScrapeFacts facts(List<Series> up) {
    long scrapes = 0;
    long ok = 0;
    int gaps = 0;
    double gapMinutes = 0;
    TreeSet<String> sources = new TreeSet<>();
    for (Series s : up) {
      List<Point> p = s.points();
      sources.add(s.labels().getOrDefault("job", "?") + " " + s.labels().getOrDefault("instance", "?"));
      scrapes += p.size();
      ok += p.stream().filter(x -> x.value() == 1).count();
      long interval = typicalInterval(p);
      for (int i = 1; i < p.size(); i++) {
        long d = p.get(i).timestampMillis() - p.get(i - 1).timestampMillis();
        if (interval > 0 && d > GAP_FACTOR * interval) {
          gaps++;
          gapMinutes += (d - interval) / 60_000.0;
        }
      }
    }
    return new PeriodInputs.ScrapeFacts(scrapes, ok, gaps, gapMinutes, List.copyOf(sources));
  }

  /** The median distance between points (the scrape interval), 0 with fewer than two points. */
  static long typicalInterval(List<Point> p) {
    if (p.size() < 2) {
      return 0;
    }
    long[] d = new long[p.size() - 1];
    for (int i = 1; i < p.size(); i++) {
      d[i - 1] = p.get(i).timestampMillis() - p.get(i - 1).timestampMillis();
    }
    Arrays.sort(d);
    return d[d.length / 2];
  }
}
