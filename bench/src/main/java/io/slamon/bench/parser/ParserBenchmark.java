package io.slamon.bench.parser;

import io.slamon.collector.exposition.PrometheusTextParser;
import io.slamon.collector.exposition.SampleHandler;
import io.slamon.collector.exposition.SampleVisitor;
import io.slamon.collector.exposition.SeriesCache;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parses one dcgm-exporter-like page of {@link #SAMPLES} samples per invocation; with
 * {@code @OperationsPerInvocation} JMH's score is directly samples per second (one thread).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParserBenchmark {
  static final int NODES = 4;
  static final int GPUS = 8;
  static final int SAMPLES = NODES * GPUS * 20;

  private final String page = DcgmPage.generate(NODES, GPUS);
  private final PrometheusTextParser parser = new PrometheusTextParser();
  private final NaiveRegexParser naive = new NaiveRegexParser();
  /** The next scrape of the same target: same series, other values. */
  private final String nextPage = DcgmPage.generate(NODES, GPUS, 43);
  private final SeriesCache cache = new SeriesCache(100_000);
  private boolean flip;

  /** Alternates between two scrapes of one target, so the cache sees changed values every time. */
  private String scrape() {
    flip = !flip;
    return flip ? page : nextPage;
  }

  private static SampleVisitor readAll(Blackhole bh) {
    return (family, name, labels, value, ts, exemplar) -> {
      bh.consume(family);
      bh.consume(name);
      for (int i = 0; i < labels.size(); i++) {
        bh.consume(labels.name(i));
        bh.consume(labels.value(i));
      }
      bh.consume(value);
      bh.consume(ts);
    };
  }

  private static SampleHandler keepMaps(Blackhole bh) {
    return (name, labels, value, ts) -> {
      bh.consume(name);
      bh.consume(labels);
      bh.consume(value);
    };
  }

  /** The lean path: family, reused label view; the consumer reads every label and the value. */
  @Benchmark
  @OperationsPerInvocation(SAMPLES)
  public int slamonVisitor(Blackhole bh) {
    return parser.parse(page, readAll(bh)).samples();
  }

  /**
   * What the Scraper does: the target's {@link SeriesCache} remembers the previous page's series,
   * so unchanged series text is compared, not re-scanned; values are parsed every time.
   */
  @Benchmark
  @OperationsPerInvocation(SAMPLES)
  public int slamonVisitorCached(Blackhole bh) {
    return parser.parse(scrape(), readAll(bh), cache).samples();
  }

  /** Without a cache: a fresh label map per sample. */
  @Benchmark
  @OperationsPerInvocation(SAMPLES)
  public int slamonMaps(Blackhole bh) {
    return parser.parse(page, keepMaps(bh)).samples();
  }

  /** The Scraper's path: label maps shared per series across scrapes via the cache. */
  @Benchmark
  @OperationsPerInvocation(SAMPLES)
  public int slamonMapsCached(Blackhole bh) {
    return parser.parse(scrape(), keepMaps(bh), cache).samples();
  }

  /** Baseline: regex and String.split per line. */
  @Benchmark
  @OperationsPerInvocation(SAMPLES)
  public int naiveRegex(Blackhole bh) {
    return naive.parse(page, bh::consume);
  }
}
