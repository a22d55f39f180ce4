package io.slamon.incident;

import io.slamon.store.SampleReader;
import io.slamon.store.SampleReader.Point;
import io.slamon.store.SampleReader.Series;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds incident-worthy signals in recent samples: a scrape target whose latest {@code up} is 0, and
 * a GPU whose latest {@code DCGM_FI_DEV_XID_ERRORS} is non-zero (dcgm-exporter reports the last XID
 * code seen; 0 means none). Looks only at the last {@code lookback}, so a recovered target stops
 * producing signals.
 */
public final class SignalScanner {
  static final String XID = "DCGM_FI_DEV_XID_ERRORS";

  private final SampleReader reader;
  private final InstantSource clock;
  private final Duration lookback;

  public SignalScanner(SampleReader reader, InstantSource clock, Duration lookback) {
    this.reader = reader;
    this.clock = clock;
    this.lookback = lookback;
  }

  /** Signals for each scope: every tenant in {@code tenants} and the provider scope ({@code null}). */
  public List<Signal> scan(Collection<String> tenants) {
    Instant to = clock.instant().plusMillis(1);
    Instant from = to.minus(lookback);
    List<Signal> signals = new ArrayList<>();
    List<String> scopes = new ArrayList<>(tenants);
    scopes.add(null);
    for (String tenant : scopes) {
      for (Series s : reader.query(tenant, "up", Map.of(), from, to)) {
        Point last = last(s);
        if (last != null && last.value() == 0) {
          String instance = s.labels().getOrDefault("instance", "?");
          signals.add(new Signal(tenant, Signal.Kind.TARGET_DOWN, instance, s.labels().getOrDefault("job", "scrape"),
              "scrape of " + instance + " failed (up == 0)", Instant.ofEpochMilli(last.timestampMillis())));
        }
      }
      for (Series s : reader.query(tenant, XID, Map.of(), from, to)) {
        Point last = last(s);
        if (last != null && last.value() > 0 && !Double.isNaN(last.value())) {
          String gpu = s.labels().getOrDefault("Hostname", "?") + "/" + s.labels().getOrDefault("gpu", "?");
          signals.add(new Signal(tenant, Signal.Kind.GPU_XID, gpu, "gpu",
              "XID " + (long) last.value() + " reported on " + gpu, Instant.ofEpochMilli(last.timestampMillis())));
        }
      }
    }
    return signals;
  }

  private static Point last(Series s) {
    return s.points().isEmpty() ? null : s.points().get(s.points().size() - 1);
  }
}
