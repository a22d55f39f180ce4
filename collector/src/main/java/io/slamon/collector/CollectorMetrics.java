package io.slamon.collector;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The collector's own metrics, exposed on {@code /metrics} in Prometheus text format. Counters
 * that tests and the demo read back also have plain accessors here, so nobody has to parse
 * the exposition to ask "how many samples were scraped".
 */
public final class CollectorMetrics {
  private final PrometheusMeterRegistry registry;
  private final LongAdder scraped = new LongAdder();
  private final LongAdder eventsAccepted = new LongAdder();
  private final LongAdder eventsRejected = new LongAdder();

  public CollectorMetrics() {
    this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  public CollectorMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers queue depth, written and refused-by-reason meters that read the pipeline live. */
  public void bind(WritePipeline pipeline) {
    Gauge.builder("slamon.collector.queue.depth", pipeline, WritePipeline::queueDepth)
        .description("Samples queued for or being written to the database")
        .baseUnit("samples")
        .register(registry);
    FunctionCounter.builder("slamon.collector.samples.written", pipeline, WritePipeline::writtenCount)
        .description("Samples written to the database")
        .register(registry);
    FunctionCounter.builder("slamon.collector.write.failures", pipeline, WritePipeline::writeFailureCount)
        .description("Database write attempts that failed and were retried")
        .register(registry);
    Gauge.builder("slamon.collector.spool.size", pipeline, WritePipeline::spoolBytes)
        .description("Bytes of the disk spool's segment files")
        .baseUnit("bytes")
        .register(registry);
    Gauge.builder("slamon.collector.spool.records", pipeline, WritePipeline::spoolRecords)
        .description("Batches in the disk spool waiting to be replayed")
        .baseUnit("batches")
        .register(registry);
    FunctionCounter.builder("slamon.collector.samples.spooled", pipeline, WritePipeline::spooledCount)
        .description("Samples appended to the disk spool while the database was unavailable")
        .register(registry);
    FunctionCounter.builder("slamon.collector.samples.replayed", pipeline, WritePipeline::replayedCount)
        .description("Samples written to the database from the disk spool")
        .register(registry);
    FunctionCounter.builder("slamon.collector.spool.torn.records", pipeline, WritePipeline::tornSpoolRecordCount)
        .description("Torn disk spool records (crash during an append) truncated at start")
        .register(registry);
    FunctionCounter.builder("slamon.collector.spool.corrupt.segments", pipeline,
            WritePipeline::corruptSpoolSegmentCount)
        .description("Disk spool segments damaged in the middle, kept as *.corrupt")
        .register(registry);
    for (RefusalReason reason : RefusalReason.values()) {
      FunctionCounter.builder("slamon.collector.samples.refused", pipeline, p -> p.refusedCount(reason))
          .description("Samples not written, by reason")
          .tag("reason", reason.tag())
          .register(registry);
    }
  }

  void scrape(String job, long durationNanos, int samples, int badLines, boolean up) {
    scraped.add(samples);
    Timer.builder("slamon.collector.scrape.duration")
        .description("Duration of scrapes including parsing")
        .tag("job", job)
        .tag("up", up ? "1" : "0")
        .register(registry)
        .record(durationNanos, TimeUnit.NANOSECONDS);
    Counter.builder("slamon.collector.samples.scraped").description("Samples read from targets").tag("job", job)
        .register(registry).increment(samples);
    if (badLines > 0) {
      Counter.builder("slamon.collector.parse.errors").description("Exposition lines skipped as malformed")
          .tag("job", job).register(registry).increment(badLines);
    }
  }

  /** Registers the refused-by-limit counters and the tracked-series gauge of the admission step. */
  public void bind(io.slamon.collector.admission.SeriesAdmission admission) {
    for (io.slamon.collector.admission.CardinalityLimiter.Refusal reason
        : io.slamon.collector.admission.CardinalityLimiter.Refusal.values()) {
      FunctionCounter.builder("slamon.collector.samples.refused", admission, a -> a.refusedCount(reason))
          .description("Samples not written, by reason")
          .tag("reason", reason.tag())
          .register(registry);
    }
    Gauge.builder("slamon.collector.series.tracked", admission, io.slamon.collector.admission.SeriesAdmission::trackedSeries)
        .description("Distinct series per target currently counted against the cardinality limits")
        .baseUnit("series")
        .register(registry);
  }

  /** One OTLP request's data points: stored and refused (partial success). */
  public void otlpPoints(String source, long accepted, long rejected) {
    Counter.builder("slamon.collector.otlp.points.accepted").description("OTLP data points accepted for writing")
        .tag("source", source).register(registry).increment(accepted);
    if (rejected > 0) {
      Counter.builder("slamon.collector.otlp.points.rejected")
          .description("OTLP data points refused (malformed, delta temporality, unknown tenant, series limit)")
          .tag("source", source).register(registry).increment(rejected);
    }
  }

  /** An OTLP request answered with an error status. */
  public void otlpRequestRejected(int status) {
    Counter.builder("slamon.collector.otlp.requests.rejected").description("OTLP requests rejected, by HTTP status")
        .tag("status", Integer.toString(status)).register(registry).increment();
  }

  public void eventAccepted(String type, boolean duplicate) {
    eventsAccepted.increment();
    Counter.builder("slamon.collector.events.accepted").description("Events stored or recognised as duplicates")
        .tag("type", type).tag("duplicate", Boolean.toString(duplicate)).register(registry).increment();
  }

  public void eventRejected(int status) {
    eventsRejected.increment();
    Counter.builder("slamon.collector.events.rejected").description("Events or requests rejected, by HTTP status")
        .tag("status", Integer.toString(status)).register(registry).increment();
  }

  /** Samples read from targets since start (synthetic series not included). */
  public long samplesScraped() {
    return scraped.sum();
  }

  public long eventsAccepted() {
    return eventsAccepted.sum();
  }

  public long eventsRejected() {
    return eventsRejected.sum();
  }

  /** The exposition for {@code /metrics}. */
  public String scrape() {
    return registry.scrape();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }
}
