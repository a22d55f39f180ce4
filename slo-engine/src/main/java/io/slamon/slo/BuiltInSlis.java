package io.slamon.slo;

import io.slamon.core.Durations;
import io.slamon.core.openslo.SeriesSelector;
import io.slamon.store.Event;
import io.slamon.store.EventStore;
import io.slamon.store.RollupReader;
import io.slamon.store.RollupReader.Minute;
import io.slamon.store.RollupReader.RollupSeries;
import io.slamon.store.RollupReader.SliceTotal;
import io.slamon.store.RollupReader.SlicedTotals;
import io.slamon.store.SampleReader.Point;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads the built-in SLIs error rate, queue depth, RAG freshness, GPU capacity, token anomaly and
 * component availability from the 1-minute rollups (every {@link InferenceSource} at once, so a
 * tenant served by vLLM and TGI is judged on both) and stored events — never from raw samples, so
 * long windows outlive raw retention and cost one row per series and slice (summed in the database,
 * {@code RollupReader.sliceTotals}) or, for RAG freshness and component availability, per series and
 * minute. Availability, TTFT and latency go to {@code ratioKinds} (the {@link StoredSliSource}).
 * Each window is read once ({@link SlicedSeries} says which slice a minute belongs to).
 */
public final class BuiltInSlis implements SliSource {
  static final String DCGM_PRESENCE = "DCGM_FI_DEV_GPU_UTIL";
  static final String DCGM_XID = "DCGM_FI_DEV_XID_ERRORS";
  static final String RAG_GAUGE = "rag_index_freshness_seconds";

  private final RollupReader rollups;
  private final EventStore events; // null: rollups only
  private final SliSource ratioKinds;

  public BuiltInSlis(RollupReader rollups, EventStore events, SliSource ratioKinds) {
    this.rollups = Objects.requireNonNull(rollups, "rollups");
    this.events = events;
    this.ratioKinds = ratioKinds;
  }

  @Override
  public SliCounts counts(SloDefinition slo, Instant from, Instant to) {
    if (isRatioKind(slo.kind())) {
      return ratioKinds.counts(slo, from, to);
    }
    return TimeBasedSlis.sum(sliceCounts(slo, from, to, slo.timeSliceWindow()));
  }

  @Override
  public List<SliCounts> sliceCounts(SloDefinition slo, Instant from, Instant to, Duration slice) {
    TimeSlices slices = new TimeSlices(from, to, slice);
    return switch (slo.kind()) {
      case AVAILABILITY, TTFT_UNDER, LATENCY_UNDER -> ratioKinds.sliceCounts(slo, from, to, slice);
      case ERROR_RATE -> errorRate(slo, slices);
      case QUEUE_DEPTH_UNDER -> TimeBasedSlis.queueDepthUnder(queueMax(slo, slices), slo.threshold());
      case RAG_FRESHNESS_UNDER -> ragFreshness(slo, slices);
      case GPU_CAPACITY -> gpuCapacity(slo, slices);
      case TOKEN_ANOMALY -> tokenAnomaly(slo, slices);
      case COMPONENT_AVAILABILITY -> componentAvailability(slo, slices);
    };
  }

  static boolean isRatioKind(SliKind kind) {
    return kind == SliKind.AVAILABILITY || kind == SliKind.TTFT_UNDER || kind == SliKind.LATENCY_UNDER;
  }

  /** Requests per slice minus failed ones; the vLLM family may be overridden by {@code metric}. */
  private List<SliCounts> errorRate(SloDefinition slo, TimeSlices slices) {
    String tenant = slo.tenant();
    Pattern errorStatus = Pattern.compile(slo.params().getOrDefault("errorStatus", "5..|429"));
    String statusLabel = slo.params().getOrDefault("statusLabel", "status");
    double[] total = SlicedSeries.nan(slices.count());
    double[] errors = SlicedSeries.nan(slices.count());
    for (InferenceSource src : InferenceSource.ALL) {
      String requests = src == InferenceSource.VLLM ? slo.params().getOrDefault("metric", src.requests()) : src.requests();
      if (requests != null) {
        List<SlicedTotals> all = read(tenant, requests, slices);
        total = SlicedSeries.plus(total, increase(all, slices));
        List<SlicedTotals> failed = all.stream().filter(s -> failedByLabel(src, s, statusLabel, errorStatus)).toList();
        errors = SlicedSeries.plus(errors, increase(failed, slices));
      }
      if (src.failures() != null) {
        double[] f = increase(read(tenant, src.failures(), slices), slices);
        errors = SlicedSeries.plus(errors, f);
        if (src.successes() != null) {
          total = SlicedSeries.plus(total, SlicedSeries.plus(f, increase(read(tenant, src.successes(), slices), slices)));
        }
      }
    }
    List<SliCounts> out = new ArrayList<>(total.length);
    for (int i = 0; i < total.length; i++) {
      double t = Double.isNaN(total[i]) ? 0 : total[i];
      double e = Double.isNaN(errors[i]) ? 0 : Math.min(errors[i], t);
      out.add(t > 0 ? new SliCounts(t - e, t) : SliCounts.NONE);
    }
    return out;
  }

  private static boolean failedByLabel(InferenceSource src, SlicedTotals s, String statusLabel, Pattern errorStatus) {
    if (src == InferenceSource.VLLM) {
      String status = s.labels().get(statusLabel);
      return status != null && errorStatus.matcher(status).matches();
    }
    if (src == InferenceSource.OTLP_GENAI) {
      String error = s.labels().get("error_type");
      return error != null && !error.isEmpty();
    }
    return false;
  }

  private double[] queueMax(SloDefinition slo, TimeSlices slices) {
    List<SlicedTotals> all = new ArrayList<>();
    for (InferenceSource src : InferenceSource.ALL) {
      String family = src == InferenceSource.VLLM ? slo.params().getOrDefault("metric", src.queue()) : src.queue();
      if (family != null) {
        all.addAll(read(slo.tenant(), family, slices));
      }
    }
    return SlicedSeries.maxPerSlice(all, slices.count());
  }

  private List<SliCounts> ragFreshness(SloDefinition slo, TimeSlices slices) {
    Duration staleAfter = duration(slo, "staleAfter", Duration.ofMinutes(15));
    String index = slo.params().get("index");
    Instant readFrom = slices.from().minus(staleAfter);
    List<TimeBasedSlis.Freshness> measurements = new ArrayList<>();
    if (events != null) {
      for (Event e : events.list(slo.tenant(), "rag_index.freshness", readFrom, slices.to())) {
        Object idx = e.attributes().get("index");
        if (e.attributes().get("freshnessSeconds") instanceof Number lag && idx != null && (index == null || index.equals(idx.toString()))) {
          measurements.add(new TimeBasedSlis.Freshness(idx.toString(), e.time().toEpochMilli(), lag.doubleValue()));
        }
      }
    }
    Map<String, String> matchers = index == null ? Map.of() : Map.of("index", index);
    // per minute: its largest lag counts in its slice, its last lag holds into later slices (measured
    // from the minute's start, so a value never holds longer than the raw sample would)
    for (RollupSeries s : rollups.rollups(slo.tenant(), slo.params().getOrDefault("metric", RAG_GAUGE), matchers, floor(readFrom), slices.to())) {
      String idx = s.labels().getOrDefault("index", "");
      for (Minute m : s.minutes()) {
        if (m.count() > 0 && m.min() >= 0) {
          measurements.add(new TimeBasedSlis.Freshness(idx, SlicedSeries.at(m, slices.from()), m.max(), m.last()));
        }
      }
    }
    return TimeBasedSlis.freshnessUnder(measurements, slices, slo.threshold(), staleAfter);
  }

  private List<SliCounts> gpuCapacity(SloDefinition slo, TimeSlices slices) {
    int reserved = (int) slo.number("reservedGpus", 0);
    String mig = slo.params().get("migProfile");
    Map<String, String> matchers = mig == null ? Map.of() : Map.of("GPU_I_PROFILE", mig);
    return TimeBasedSlis.gpuCapacity(byGpu(read(slo.tenant(), DCGM_PRESENCE, matchers, slices), slices),
        byGpu(read(slo.tenant(), DCGM_XID, matchers, slices), slices), reserved, slices);
  }

  /**
   * Per GPU (UUID, or index and host), and per MIG instance when the series has one: a point at the
   * start of each slice it reported in, valued with the slice's largest sample (an XID code above 0
   * in any sample).
   */
  private static Map<String, List<Point>> byGpu(List<SlicedTotals> series, TimeSlices slices) {
    Map<String, List<Point>> out = new LinkedHashMap<>();
    for (SlicedTotals s : series) {
      var l = s.labels();
      String gpu = l.containsKey("UUID") ? l.get("UUID") : l.getOrDefault("Hostname", "") + "/" + l.getOrDefault("gpu", "");
      String key = gpu + "/" + l.getOrDefault("GPU_I_ID", "");
      List<Point> points = out.computeIfAbsent(key, k -> new ArrayList<>());
      for (SliceTotal t : s.slices()) {
        if (t.count() > 0 && t.slice() < slices.count()) {
          points.add(new Point(slices.slice(t.slice()).start().toEpochMilli(), t.max()));
        }
      }
    }
    return out;
  }

  private List<SliCounts> tokenAnomaly(SloDefinition slo, TimeSlices window) {
    Duration baseline = duration(slo, "baseline", Duration.ofDays(7));
    long perSlice = window.length().toMillis();
    int baselineSlices = (int) Math.max(1, baseline.toMillis() / perSlice);
    Instant historyStart = window.from().minus(window.length().multipliedBy(baselineSlices));
    TimeSlices all = new TimeSlices(historyStart, window.to(), window.length());
    String model = slo.params().get("model");
    Map<String, String> matchers = model == null ? Map.of() : Map.of("model_name", model);
    double[] consumption = SlicedSeries.nan(all.count());
    for (InferenceSource src : InferenceSource.ALL) {
      for (String family : src.tokenCounters()) {
        consumption = SlicedSeries.plus(consumption, increase(read(slo.tenant(), family, matchers, all), all));
      }
    }
    if (events != null) {
      double[] fromEvents = SlicedSeries.nan(all.count());
      for (Event e : events.list(slo.tenant(), "token.usage", all.from(), all.to())) {
        int i = all.indexOf(e.time().toEpochMilli());
        if (i >= 0 && (model == null || model.equals(String.valueOf(e.attributes().get("model"))))) {
          double tokens = number(e, "inputTokens") + number(e, "outputTokens");
          fromEvents[i] = Double.isNaN(fromEvents[i]) ? tokens : fromEvents[i] + tokens;
        }
      }
      consumption = SlicedSeries.plus(consumption, fromEvents);
    }
    return TimeBasedSlis.tokenAnomaly(consumption, baselineSlices, slo.number("factor", 3));
  }

  private static double number(Event e, String attribute) {
    return e.attributes().get(attribute) instanceof Number n ? n.doubleValue() : 0;
  }

  private static Duration duration(SloDefinition slo, String param, Duration dflt) {
    String v = slo.params().get(param);
    return v == null ? dflt : Durations.parse(v);
  }

  /**
   * Up minutes per slice of the component's series: the tenant's own and the provider scope's
   * (shared infrastructure such as the control plane or object storage is scraped without a
   * tenant and serves every tenant), never another tenant's.
   */
  private List<SliCounts> componentAvailability(SloDefinition slo, TimeSlices slices) {
    SeriesSelector selector = ComponentAvailability.selector(slo);
    List<RollupSeries> series = new ArrayList<>(rollups.rollups(slo.tenant(), selector.metric(), selector.labels(), floor(slices.from()), slices.to()));
    series.addAll(rollups.rollups(null, selector.metric(), selector.labels(), floor(slices.from()), slices.to()));
    return ComponentAvailability.perSlice(series, slices);
  }

  private List<SlicedTotals> read(String tenant, String family, TimeSlices slices) {
    return read(tenant, family, Map.of(), slices);
  }

  /**
   * The minutes starting in {@code [floor(from), to)} summed per series and slice in the database
   * (one row per series and slice, not per minute). Each minute's increase holds the step from the
   * sample before it, so no earlier minute is needed for the first slice's increase.
   */
  private List<SlicedTotals> read(String tenant, String family, Map<String, String> matchers, TimeSlices slices) {
    return rollups.sliceTotals(tenant, family, matchers, slices.from(), slices.to(), slices.length());
  }

  private static Instant floor(Instant t) {
    return t.truncatedTo(ChronoUnit.MINUTES);
  }

  /** The counters' increase per slice: the sum of their minutes' increases. */
  private static double[] increase(List<SlicedTotals> counters, TimeSlices slices) {
    return SlicedSeries.increasePerSlice(counters, slices.count());
  }
}
