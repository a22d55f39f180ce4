package io.slamon.collector;

import io.slamon.collector.events.EventValidator;
import io.slamon.collector.events.EventsApi;
import io.slamon.collector.admission.CardinalityLimiter;
import io.slamon.collector.admission.SeriesAdmission;
import io.slamon.collector.otlp.OtlpReceiver;
import io.slamon.collector.otlp.OtlpTranslator;
import io.slamon.collector.tracing.CollectorTracing;
import io.slamon.collector.tracing.TracedSampleWriter;
import io.slamon.store.EventStore;
import io.slamon.store.SampleWriter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Wires scraper, write pipeline, events API and HTTP server for one collector process. The
 * application maps its configuration onto these inputs; nothing here reads config files.
 */
public final class Collector implements AutoCloseable {
  private final CollectorMetrics metrics;
  private final WritePipeline pipeline;
  private final SeriesAdmission admission;
  private final CollectorTracing tracing;
  private final Scraper scraper;
  private final CollectorServer server;
  private volatile int port = -1;
  private final Vertx vertx;
  private volatile long discoveryTimer = -1;

  /**
   * Readiness defaults to "the last database write did not fail"; use the longer constructor
   * to pass a real database check.
   */
  public Collector(Vertx vertx, List<ScrapeTarget> targets, TenantResolver tenants, SampleWriter writer,
      EventStore events, EventSources sources, Predicate<String> knownTenant, CollectorSettings settings) {
    this(vertx, targets, tenants, writer, events, sources, knownTenant, settings, null, InstantSource.system());
  }

  /**
   * @param ready database check for {@code /ready} (may block); {@code null}: ready while the
   *     write pipeline is not backing off after a failed write
   * @param clock time source for scrape timestamps and event validation
   */
  public Collector(Vertx vertx, List<ScrapeTarget> targets, TenantResolver tenants, SampleWriter writer,
      EventStore events, EventSources sources, Predicate<String> knownTenant, CollectorSettings settings,
      BooleanSupplier ready, InstantSource clock) {
    this(vertx, targets, tenants, SeriesRelabeler.NONE, writer, events, sources, knownTenant, settings, ready, clock);
  }

  /** @param relabeler per-series rewriting after each scrape ({@code metric_relabel_configs}) */
  public Collector(Vertx vertx, List<ScrapeTarget> targets, TenantResolver tenants, SeriesRelabeler relabeler,
      SampleWriter writer, EventStore events, EventSources sources, Predicate<String> knownTenant,
      CollectorSettings settings, BooleanSupplier ready, InstantSource clock) {
    this(vertx, targets, tenants, relabeler, writer, events, sources, knownTenant, settings, IngestOptions.defaults(),
        ready, clock);
  }

  /** @param ingest OTLP sources, label policy and cardinality limits */
  public Collector(Vertx vertx, List<ScrapeTarget> targets, TenantResolver tenants, SeriesRelabeler relabeler,
      SampleWriter writer, EventStore events, EventSources sources, Predicate<String> knownTenant,
      CollectorSettings settings, IngestOptions ingest, BooleanSupplier ready, InstantSource clock) {
    this.vertx = vertx;
    this.metrics = new CollectorMetrics();
    this.tracing = ingest.tracing();
    this.pipeline = new WritePipeline(tracing.enabled() ? new TracedSampleWriter(writer, tracing.tracer()) : writer,
        settings);
    metrics.bind(pipeline);
    this.admission = new SeriesAdmission(ingest.labelPolicy(), ingest.seriesLimits(), clock);
    metrics.bind(admission);
    this.scraper = new Scraper(vertx, targets, tenants, relabeler, admission, pipeline, metrics, clock,
        new SplittableRandom(settings.jitterSeed()), tracing.tracer());
    EventsApi api = new EventsApi(vertx, events, sources, new EventValidator(knownTenant, clock), metrics,
        settings.maxEventBodyBytes());
    OtlpReceiver otlp = new OtlpReceiver(vertx, ingest.otlpSources(), new OtlpTranslator(tenants, knownTenant),
        admission, pipeline, metrics, clock, ingest.maxOtlpBodyBytes());
    BooleanSupplier readiness = ready != null ? ready : () -> !pipeline.isBackingOff();
    this.server = new CollectorServer(vertx, settings.host(), settings.port(), api, otlp, readiness, metrics);
  }

  /**
   * Binds the HTTP server and schedules the scrapes; returns the bound port. Blocks until
   * bound, so call it from a normal thread, not from a Vert.x event loop.
   */
  public int start() {
    port = await(server.start());
    scraper.start();
    return port;
  }

  /**
   * Keeps the target list current: every {@code every} (on a worker thread, file reads block)
   * {@code discovery} is asked for the full target list and the scraper is updated when it
   * changed. Use with {@link FileSdWatcher}s, which re-read only changed files. Call after
   * {@link #start()}; a failing discovery is logged and the previous targets stay.
   */
  public void discoverTargets(java.util.function.Supplier<List<ScrapeTarget>> discovery, java.time.Duration every) {
    discoveryTimer = vertx.setPeriodic(every.toMillis(), id -> vertx.executeBlocking(discovery::get, false)
        .onSuccess(found -> {
          if (!found.equals(scraper.targets())) {
            scraper.updateTargets(found);
          }
        })
        .onFailure(e -> org.slf4j.LoggerFactory.getLogger(Collector.class)
            .warn("target discovery failed, keeping the current targets", e)));
  }

  /** The targets scraped now (static and discovered). */
  public List<ScrapeTarget> targets() {
    return scraper.targets();
  }

  /** Scrapes every target once; completes when the samples are written (fails if refused). */
  public Future<Void> scrapeNow() {
    return scraper.scrapeNow();
  }

  /** The bound HTTP port, or -1 before {@link #start()}. */
  public int port() {
    return port;
  }

  public long queueDepth() {
    return pipeline.queueDepth();
  }

  public long samplesScraped() {
    return metrics.samplesScraped();
  }

  public long samplesWritten() {
    return pipeline.writtenCount();
  }

  public long samplesRefused(RefusalReason reason) {
    return pipeline.refusedCount(reason);
  }

  /** Samples refused by a cardinality limit (the write pipeline's refusals are {@link #samplesRefused(RefusalReason)}). */
  public long samplesRefused(CardinalityLimiter.Refusal reason) {
    return admission.refusedCount(reason);
  }

  public long eventsAccepted() {
    return metrics.eventsAccepted();
  }

  public long eventsRejected() {
    return metrics.eventsRejected();
  }

  public CollectorMetrics metrics() {
    return metrics;
  }

  /** Stops scraping and serving, then flushes queued samples (bounded by the shutdown timeout). */
  @Override
  public void close() {
    if (discoveryTimer >= 0) {
      vertx.cancelTimer(discoveryTimer);
    }
    scraper.close();
    try {
      await(server.close());
    } finally {
      try {
        pipeline.close();
      } finally {
        tracing.close(); // after the pipeline, so the last write spans are exported
      }
    }
  }

  private <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("collector HTTP server: " + e.getMessage(), e.getCause() != null ? e.getCause() : e);
    }
  }
}
