package io.slamon.slo.period;

import io.slamon.slo.TimeInterval;
import io.slamon.store.RollupReader.Minute;
import io.slamon.store.RollupReader.RollupSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Outages and data completeness from the 1-minute rollups of the collector's {@code up} series
 * (1 = scrape succeeded), never from raw samples, so a month outlives raw retention. Per minute a
 * rollup row holds the scrapes ({@code count}), the successful ones ({@code sum}) and the last
 * result ({@code last}); the exact instants of the scrapes are not kept, which is what limits the
 * resolution to the minute (see RATIONALE.md "SLA periods from rollups").
 */
final class ScrapeAnalysis {
  /** A pause longer than this many scrape intervals is a gap in the data. */
  static final int GAP_FACTOR = 3;
  private static final long MINUTE = 60_000;

  private ScrapeAnalysis() {}

  /**
   * A failed scrape counts down for one scrape interval (60 s / scrapes in its minute), so a minute
   * with f of n scrapes failed is down f/n of it — placed at the minute's start. When the minute's
   * last scrape failed and the next minute with scrapes comes later, the target stays down through
   * the silent minutes until then (down until its next scrape, as raw samples would say). Any of the
   * tenant's targets down counts: the customer is never judged too kindly.
   */
  static List<TimeInterval> outages(List<RollupSeries> up) {
    List<TimeInterval> out = new ArrayList<>();
    for (RollupSeries s : up) {
      List<Minute> rows = withScrapes(s);
      for (int i = 0; i < rows.size(); i++) {
        Minute m = rows.get(i);
        long start = m.minute().toEpochMilli();
        long failed = m.count() - successful(m);
        if (failed > 0) {
          out.add(new TimeInterval(m.minute(), Instant.ofEpochMilli(start + MINUTE * failed / m.count())));
        }
        if (m.last() < 1 && i + 1 < rows.size() && rows.get(i + 1).minute().toEpochMilli() > start + MINUTE) {
          out.add(new TimeInterval(Instant.ofEpochMilli(start + MINUTE), rows.get(i + 1).minute()));
        }
      }
    }
    return out;
  }

  /**
   * Scrapes, successful scrapes and gaps. A gap is a pause longer than {@link #GAP_FACTOR} scrape
   * intervals; between two minutes with scrapes {@code k} silent minutes apart the pause is taken as
   * {@code k} minutes plus one interval (evenly spaced scrapes), and the gap's length as {@code k}
   * minutes. A pause inside a minute (shorter than a whole silent minute) is not seen.
   */
  static PeriodInputs.ScrapeFacts facts(List<RollupSeries> up) {
    long scrapes = 0;
    long ok = 0;
    int gaps = 0;
    double gapMinutes = 0;
    TreeSet<String> sources = new TreeSet<>();
    for (RollupSeries s : up) {
      List<Minute> rows = withScrapes(s);
      sources.add(s.labels().getOrDefault("job", "?") + " " + s.labels().getOrDefault("instance", "?"));
      long interval = typicalInterval(rows);
      for (int i = 0; i < rows.size(); i++) {
        Minute m = rows.get(i);
        scrapes += m.count();
        ok += successful(m);
        if (i > 0) {
          long silent = (m.minute().toEpochMilli() - rows.get(i - 1).minute().toEpochMilli()) / MINUTE - 1;
          if (interval > 0 && silent * MINUTE + interval > GAP_FACTOR * interval) {
            gaps++;
            gapMinutes += silent;
          }
        }
      }
    }
    return new PeriodInputs.ScrapeFacts(scrapes, ok, gaps, gapMinutes, List.copyOf(sources));
  }

  /**
   * The scrape interval: the median over consecutive minutes with scrapes of (distance between the
   * minutes / scrapes in the later one) — 15 s for four scrapes a minute, 120 s for one scrape every
   * other minute; 0 with fewer than two such minutes.
   */
  static long typicalInterval(List<Minute> rows) {
    if (rows.size() < 2) {
      return 0;
    }
    long[] d = new long[rows.size() - 1];
    for (int i = 1; i < rows.size(); i++) {
      d[i - 1] = Duration.between(rows.get(i - 1).minute(), rows.get(i).minute()).toMillis() / rows.get(i).count();
    }
    Arrays.sort(d);
    return d[d.length / 2];
  }

  /** Successful scrapes of a minute: the sum of its 0/1 samples, within [0, count]. */
  private static long successful(Minute m) {
    return Math.max(0, Math.min(m.count(), Math.round(m.sum())));
  }

  private static List<Minute> withScrapes(RollupSeries s) {
    return s.minutes().stream().filter(m -> m.count() > 0).toList();
  }
}
