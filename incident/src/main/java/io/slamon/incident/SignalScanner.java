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
 * Finds incident-worthy signals in recent samples: a scrape target whose latest {@code up} is 0, a
 * GPU whose latest {@code DCGM_FI_DEV_XID_ERRORS} is non-zero (dcgm-exporter reports the last XID
 * code seen; 0 means none), and a lost GPU. Looks only at the last {@code lookback}, so a recovered
 * target stops producing signals.
 *
 * <p>A GPU is lost when it reports XID 79 ("GPU has fallen off the bus", NVIDIA's XID catalogue), or
 * when its series stop while the other GPUs of the same host keep reporting: dcgm-exporter then
 * simply omits the GPU from its page, so absence next to present siblings is the evidence. A GPU
 * counts as gone when its newest sample is more than {@link #GONE_AFTER} older than its host's newest;
 * it is looked for over {@link #PRESENCE_WINDOWS} lookbacks, so a GPU lost a while ago still signals.
 */
public final class SignalScanner {
  static final String XID = "DCGM_FI_DEV_XID_ERRORS";
  /** XID 79: the GPU has fallen off the bus. */
  static final long XID_FALLEN_OFF_BUS = 79;
  static final Duration GONE_AFTER = Duration.ofSeconds(60);
  static final int PRESENCE_WINDOWS = 5;

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
      List<Series> xids = reader.query(tenant, XID, Map.of(), to.minus(lookback.multipliedBy(PRESENCE_WINDOWS)), to);
      Map<String, Long> hostNewest = new java.util.HashMap<>();
      for (Series s : xids) {
        Point last = last(s);
        if (last != null) {
          hostNewest.merge(s.labels().getOrDefault("Hostname", "?"), last.timestampMillis(), Math::max);
        }
      }
      for (Series s : xids) {
        Point last = last(s);
        if (last == null) {
          continue;
        }
        String host = s.labels().getOrDefault("Hostname", "?");
        String gpu = host + "/" + s.labels().getOrDefault("gpu", "?");
        Instant at = Instant.ofEpochMilli(last.timestampMillis());
        boolean recent = !at.isBefore(from);
        if (recent && (long) last.value() == XID_FALLEN_OFF_BUS) {
          signals.add(new Signal(tenant, Signal.Kind.GPU_LOST, gpu, "gpu", "XID 79 (fallen off the bus) on " + gpu, at));
        } else if (recent && last.value() > 0 && !Double.isNaN(last.value())) {
          signals.add(new Signal(tenant, Signal.Kind.GPU_XID, gpu, "gpu", "XID " + (long) last.value() + " reported on " + gpu, at));
        } else if (hostNewest.get(host) - last.timestampMillis() > GONE_AFTER.toMillis()) {
          signals.add(new Signal(tenant, Signal.Kind.GPU_LOST, gpu, "gpu",
              gpu + " stopped reporting at " + at + " while other GPUs of " + host + " still report", at));
        }
      }
    }
    return signals;
  }

  private static Point last(Series s) {
    return s.points().isEmpty() ? null : s.points().get(s.points().size() - 1);
  }
}
