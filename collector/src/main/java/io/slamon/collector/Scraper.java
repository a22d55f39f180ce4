package io.slamon.collector;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.slamon.collector.admission.SeriesAdmission;
import io.slamon.collector.tracing.CollectorTracing;
import io.slamon.collector.exposition.ParseResult;
import io.slamon.collector.exposition.PrometheusTextParser;
import io.slamon.collector.exposition.PrometheusTextParser.Flavor;
import io.slamon.collector.exposition.SampleHandler;
import io.slamon.collector.exposition.SeriesCache;
import io.slamon.store.Labels;
import io.slamon.store.Sample;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scrapes each {@link ScrapeTarget} every interval with Vert.x {@link WebClient}, parses the
 * page, applies target labels and tenant attribution and hands each scrape's samples, plus
 * Prometheus' synthetic {@code up}, {@code scrape_duration_seconds} and
 * {@code scrape_samples_scraped} series, to the {@link WritePipeline}.
 *
 * <p>The first scrape of each target is delayed by a random jitter within its interval (from
 * an injected, seeded generator) so many targets do not hit the network in lockstep.
 */
public final class Scraper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Scraper.class);
  /** Prefer 0.0.4 text; OpenMetrics negotiation comes with the strict parser. */
  static final String ACCEPT = "text/plain;version=0.0.4;q=1,*/*;q=0.1";
  /** Exporter timestamps outside 1970-01-01 .. 9999-12-31 are dropped (the store cannot hold them). */
  static final long MIN_TIMESTAMP = 0L;
  static final long MAX_TIMESTAMP = 253_402_300_799_999L;

  private final Vertx vertx;
  private volatile List<ScrapeTarget> targets;
  private final TenantResolver tenants;
  private final WritePipeline pipeline;
  private final CollectorMetrics metrics;
  private final InstantSource clock;
  private final RandomGenerator jitter;
  private final WebClient client;
  private final Map<ScrapeTarget, Long> timers = new HashMap<>();
  private boolean started;
  private final SeriesRelabeler relabeler;
  private final SeriesAdmission admission;
  private final Tracer tracer;
  private final Set<ScrapeTarget> inFlight = ConcurrentHashMap.newKeySet();
  private final Map<ScrapeTarget, Boolean> lastUp = new ConcurrentHashMap<>();
  /** Per target: the previous page's series, so unchanged lines are not re-parsed (see {@link SeriesCache}). */
  private final Map<ScrapeTarget, SeriesCache> seriesCaches = new ConcurrentHashMap<>();
  /**
   * Per target, the stored form of each series of the previous scrape (target labels merged,
   * relabelled, tenant attributed), keyed by the identity of the label map the series cache hands
   * out for that line: unchanged series skip the per-sample map building and hashing, which
   * profiling showed as most of the collector's CPU. Taken out while a scrape is processed, so an
   * overlapping scrape of the same target builds its own.
   */
  private final Map<ScrapeTarget, IdentityHashMap<Map<String, String>, Prepared>> prepared = new ConcurrentHashMap<>();

  /** Per target, each distinct list of label names once (shared by the stored forms, see prepare). */
  private final Map<ScrapeTarget, Map<List<String>, String[]>> labelNames = new ConcurrentHashMap<>();

  /** A scraped series as it is stored; {@code series == null}: dropped by metric_relabel_configs. */
  private record Prepared(String name, String tenant, String series, Labels labels) {}
  /** Sample lines remembered per target (~0.45 KB each for dcgm-exporter pages). */
  static final int SERIES_CACHE_LINES = 100_000;

  public Scraper(Vertx vertx, List<ScrapeTarget> targets, TenantResolver tenants, WritePipeline pipeline,
      CollectorMetrics metrics, InstantSource clock, RandomGenerator jitter) {
    this(vertx, targets, tenants, SeriesRelabeler.none(), pipeline, metrics, clock, jitter);
  }

  public Scraper(Vertx vertx, List<ScrapeTarget> targets, TenantResolver tenants, SeriesRelabeler relabeler,
      WritePipeline pipeline, CollectorMetrics metrics, InstantSource clock, RandomGenerator jitter) {
    this(vertx, targets, tenants, relabeler, SeriesAdmission.defaults(clock), pipeline, metrics, clock, jitter,
        OpenTelemetry.noop().getTracer(CollectorTracing.SCOPE));
  }

  /**
   * @param admission label policy and cardinality limits applied to every scraped series
   * @param tracer gives each scrape a {@code scrape} span (fetch, parse, admission and the write hand-off)
   */
  public Scraper(Vertx vertx, List<ScrapeTarget> targets, TenantResolver tenants, SeriesRelabeler relabeler,
      SeriesAdmission admission, WritePipeline pipeline, CollectorMetrics metrics, InstantSource clock,
      RandomGenerator jitter, Tracer tracer) {
    this.tracer = tracer;
    this.admission = admission;
    this.relabeler = relabeler;
    this.vertx = vertx;
    this.targets = List.copyOf(targets);
    this.tenants = tenants;
    this.pipeline = pipeline;
    this.metrics = metrics;
    this.clock = clock;
    this.jitter = jitter;
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setDecompressionSupported(true) // sends Accept-Encoding: gzip, deflate
        .setUserAgent("slamon-collector/0.1"));
  }

  /** Schedules every target: first scrape after a jitter in [0, interval), then every interval. */
  public synchronized void start() {
    started = true;
    targets.forEach(this::schedule);
  }

  /**
   * Replaces the target list (file-based discovery found a change): removed targets stop being
   * scraped and their series stop counting against the limits, new ones are scheduled with a
   * jitter like at start, unchanged ones keep their schedule.
   */
  public synchronized void updateTargets(List<ScrapeTarget> newTargets) {
    Set<ScrapeTarget> wanted = new LinkedHashSet<>(newTargets);
    List<ScrapeTarget> removed = targets.stream().filter(t -> !wanted.contains(t)).toList();
    List<ScrapeTarget> added = wanted.stream().filter(t -> !targets.contains(t)).toList();
    targets = List.copyOf(wanted);
    for (ScrapeTarget t : removed) {
      Long timer = timers.remove(t);
      if (timer != null) {
        vertx.cancelTimer(timer);
      }
      lastUp.remove(t);
      seriesCaches.remove(t);
      prepared.remove(t);
      labelNames.remove(t);
      if (targets.stream().noneMatch(o -> o.url().equals(t.url()))) {
        admission.forgetTarget(t.url().toString());
      }
    }
    if (started) {
      added.forEach(this::schedule);
    }
    if (!removed.isEmpty() || !added.isEmpty()) {
      LOG.info("scrape targets changed: {} added, {} removed, {} in all", added.size(), removed.size(),
          targets.size());
    }
  }

  /** The targets scraped now. */
  public List<ScrapeTarget> targets() {
    return targets;
  }

  private void schedule(ScrapeTarget t) {
    long interval = t.interval().toMillis();
    long firstDelay = 1 + jitter.nextLong(interval);
    timers.put(t, vertx.setPeriodic(firstDelay, interval, id -> {
      // A scrape still running when the next is due is not doubled up (Prometheus does the same).
      if (inFlight.add(t)) {
        scrape(t).onComplete(ar -> inFlight.remove(t));
      }
    }));
  }

  /** Scrapes all targets once; completes when all their samples are written (fails when refused). */
  public Future<Void> scrapeNow() {
    List<Future<Void>> all = new ArrayList<>();
    for (ScrapeTarget t : targets) {
      all.add(scrape(t));
    }
    return Future.all(all).mapEmpty();
  }

  /** One scrape of one target, written through the pipeline, inside a {@code scrape} span. */
  Future<Void> scrape(ScrapeTarget target) {
    Span span = tracer.spanBuilder("scrape").setSpanKind(SpanKind.CLIENT)
        .setAttribute("slamon.job", target.job()).setAttribute("url.full", target.url().toString()).startSpan();
    return fetchAndWrite(target).onComplete(ar -> {
      if (ar.failed()) {
        span.recordException(ar.cause());
        span.setStatus(StatusCode.ERROR, "samples not written: " + ar.cause().getMessage());
      }
      span.setAttribute("slamon.up", Boolean.TRUE.equals(lastUp.get(target)));
      span.end();
    });
  }

  private Future<Void> fetchAndWrite(ScrapeTarget target) {
    long scrapeTime = clock.millis();
    long t0 = System.nanoTime();
    return client.getAbs(target.url().toString())
        .timeout(target.timeout().toMillis())
        .putHeader("Accept", ACCEPT)
        .putHeader("X-Prometheus-Scrape-Timeout-Seconds", Double.toString(target.timeout().toMillis() / 1000.0))
        .send()
        .transform(ar -> {
          if (ar.succeeded() && ar.result().statusCode() == 200) {
            HttpResponse<Buffer> response = ar.result();
            return vertx.<List<Sample>>executeBlocking(() -> toSamples(target, response, scrapeTime, t0), false)
                .recover(e -> {
                  // e.g. a TenantResolver that threw: record the scrape as failed rather than lose it silently
                  LOG.error("processing the scrape of {} failed", target.url(), e);
                  return Future.succeededFuture(down(target, scrapeTime, t0, "processing failed: " + e));
                });
          }
          String why = ar.succeeded() ? "HTTP " + ar.result().statusCode() : String.valueOf(ar.cause());
          return Future.succeededFuture(down(target, scrapeTime, t0, why));
        })
        .compose(samples -> Future.fromCompletionStage(pipeline.offer(samples), vertx.getOrCreateContext()));
  }

  private List<Sample> toSamples(ScrapeTarget target, HttpResponse<Buffer> response, long scrapeTime, long t0) {
    Map<String, String> targetLabels = targetLabels(target);
    String url = target.url().toString();
    List<Sample> samples = new ArrayList<>();
    String contentType = Optional.ofNullable(response.getHeader("Content-Type")).orElse("");
    Flavor flavor = contentType.startsWith("application/openmetrics-text") ? Flavor.OPENMETRICS_1_0
        : Flavor.PROMETHEUS_0_0_4;
    Buffer body = response.body();
    int[] outOfRange = {0};
    SeriesCache cache = seriesCaches.computeIfAbsent(target, t -> new SeriesCache(SERIES_CACHE_LINES));
    IdentityHashMap<Map<String, String>, Prepared> before = prepared.remove(target);
    IdentityHashMap<Map<String, String>, Prepared> known = before == null ? new IdentityHashMap<>() : before;
    IdentityHashMap<Map<String, String>, Prepared> now = new IdentityHashMap<>(known.size() + 16);
    ParseResult result = new PrometheusTextParser(flavor).parse(body == null ? "" : body.toString(),
        (SampleHandler) (name, labels, value, ts) -> {
          if (ts != SampleHandler.NO_TIMESTAMP && (ts < MIN_TIMESTAMP || ts > MAX_TIMESTAMP)) {
            // The store refuses such a batch as a whole; drop the one sample instead.
            outOfRange[0]++;
            return;
          }
          Prepared p = known.get(labels);
          if (p == null || !p.name().equals(name)) {
            p = prepare(target, url, targetLabels, name, labels);
          }
          now.put(labels, p);
          if (p.series() != null) {
            samples.add(new Sample(p.tenant(), p.series(), p.labels(),
                ts == SampleHandler.NO_TIMESTAMP ? scrapeTime : ts, value));
          }
        }, cache);
    prepared.put(target, now);
    if (result.badLines() > 0) {
      LOG.warn("{}: skipped {} malformed lines, first: {}", url, result.badLines(), result.errors().get(0));
    }
    if (outOfRange[0] > 0) {
      LOG.warn("{}: skipped {} samples with timestamps outside 1970..9999", url, outOfRange[0]);
    }
    long nanos = System.nanoTime() - t0;
    markUp(target, true, null);
    int kept = result.samples() - outOfRange[0];
    metrics.scrape(target.job(), nanos, kept, result.badLines() + outOfRange[0], true);
    // Label policy and cardinality limits; refused series are counted there. up/scrape_* bypass
    // the limits so a target at its limit still reports that it is up.
    List<Sample> admitted = admission.admitEach(url, samples);
    admitted.addAll(synthetic(target, targetLabels, scrapeTime, true, nanos, kept));
    return admitted;
  }

  /** Target labels, metric_relabel_configs and tenant attribution for one scraped series. */
  private Prepared prepare(ScrapeTarget target, String url, Map<String, String> targetLabels, String name,
      Map<String, String> labels) {
    Map<String, String> merged = merge(labels, targetLabels, target.honorLabels());
    String series = name;
    if (relabeler != SeriesRelabeler.NONE) {
      Map<String, String> withName = new java.util.LinkedHashMap<>(merged);
      withName.put("__name__", name);
      Optional<Map<String, String>> relabelled = relabeler.relabel(target, withName);
      if (relabelled.isEmpty() || relabelled.get().getOrDefault("__name__", "").isEmpty()) {
        return new Prepared(name, null, null, null); // dropped by a metric_relabel_configs rule, as Prometheus does
      }
      merged = new java.util.LinkedHashMap<>(relabelled.get());
      series = merged.remove("__name__");
    }
    String[] names = new String[merged.size()];
    String[] values = new String[names.length];
    int i = 0;
    for (Map.Entry<String, String> e : merged.entrySet()) {
      names[i] = e.getKey();
      values[i++] = e.getValue();
    }
    // the series of a family share their label names: one array per distinct name list and target
    names = labelNames.computeIfAbsent(target, t -> new ConcurrentHashMap<>())
        .computeIfAbsent(java.util.Arrays.asList(names), k -> k.toArray(String[]::new));
    return new Prepared(name, tenantFor(url, merged), series, Labels.sharing(names, values));
  }

  private List<Sample> down(ScrapeTarget target, long scrapeTime, long t0, String why) {
    long nanos = System.nanoTime() - t0;
    markUp(target, false, why);
    metrics.scrape(target.job(), nanos, 0, 0, false);
    return synthetic(target, targetLabels(target), scrapeTime, false, nanos, 0);
  }

  private void markUp(ScrapeTarget target, boolean up, String why) {
    Boolean before = lastUp.put(target, up);
    // Log state changes only; a dead target would otherwise log every interval.
    if (!up && !Boolean.FALSE.equals(before)) {
      LOG.warn("scrape of {} failed, target is down: {}", target.url(), why);
    } else if (up && Boolean.FALSE.equals(before)) {
      LOG.info("target {} is up again", target.url());
    }
  }

  private List<Sample> synthetic(ScrapeTarget target, Map<String, String> labels, long time, boolean up, long nanos,
      int scraped) {
    String tenant = tenantFor(target.url().toString(), labels);
    return List.of(
        admission.applyPolicy(new Sample(tenant, "up", labels, time, up ? 1 : 0)),
        admission.applyPolicy(new Sample(tenant, "scrape_duration_seconds", labels, time, nanos / 1e9)),
        admission.applyPolicy(new Sample(tenant, "scrape_samples_scraped", labels, time, scraped)));
  }

  private String tenantFor(String url, Map<String, String> labels) {
    // An empty id would be a tenant nobody owns; treat it as "no rule matched".
    return tenants.tenantFor(url, labels).filter(t -> !t.isEmpty()).orElse(null);
  }

  static Map<String, String> targetLabels(ScrapeTarget target) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("job", target.job());
    labels.put("instance", target.instance());
    labels.putAll(target.targetLabels());
    labels.values().removeIf(String::isEmpty);
    return Map.copyOf(labels);
  }

  /**
   * Prometheus {@code honor_labels}: on a clash the scraped value wins when honoring,
   * otherwise it moves to {@code exported_<name>} (prefixed again while that is taken too).
   * Empty values mean "no label" and are dropped.
   */
  static Map<String, String> merge(Map<String, String> scraped, Map<String, String> target, boolean honorLabels) {
    Map<String, String> out = new HashMap<>(scraped);
    out.values().removeIf(String::isEmpty);
    for (Map.Entry<String, String> e : target.entrySet()) {
      String name = e.getKey();
      String existing = out.get(name);
      if (existing == null) {
        out.put(name, e.getValue());
      } else if (!honorLabels) {
        String exported = "exported_" + name;
        while (out.containsKey(exported)) {
          exported = "exported_" + exported;
        }
        out.put(exported, existing);
        out.put(name, e.getValue());
      }
    }
    return out;
  }

  @Override
  public synchronized void close() {
    started = false;
    timers.values().forEach(vertx::cancelTimer);
    timers.clear();
    client.close();
  }
}
