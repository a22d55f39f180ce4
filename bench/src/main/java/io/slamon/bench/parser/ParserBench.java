package io.slamon.bench.parser;

import io.slamon.bench.Comparison;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ParserBenchmark} on one thread and prints samples per second for slamon's
 * parser next to the naive regex baseline. Arguments: warmup iterations, measurement
 * iterations, seconds per iteration, forks (defaults 3 5 1 1).
 */
public final class ParserBench {
  private ParserBench() {}

  public static void main(String[] args) throws RunnerException {
    int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int forks = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Options options = new OptionsBuilder()
        .include(ParserBenchmark.class.getName())
        .threads(1)
        .forks(forks)
        .warmupIterations(warmups)
        .measurementIterations(iterations)
        .warmupTime(TimeValue.seconds(seconds))
        .measurementTime(TimeValue.seconds(seconds))
        .jvmArgsAppend("-Xmx512m")
        .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, double[]> score = new HashMap<>();
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark();
      label = label.substring(label.lastIndexOf('.') + 1);
      score.put(label, new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
    }
    System.out.println();
    System.out.printf("page: %d nodes x %d GPUs x %d fields = %d samples, %d chars%n", ParserBenchmark.NODES,
        ParserBenchmark.GPUS, DcgmPage.fields(), ParserBenchmark.SAMPLES,
        DcgmPage.generate(ParserBenchmark.NODES, ParserBenchmark.GPUS).length());
    double naive = score.get("naiveRegex")[0];
    for (String name : new String[] {"slamonVisitor", "slamonMaps", "slamonVisitorCached", "slamonMapsCached",
        "naiveRegex"}) {
      double[] s = score.get(name);
      System.out.printf("%-20s %,14.0f samples/s  (± %,.0f, 99.9%% CI)%n", name, s[0], s[1]);
    }
    System.out.println(new Comparison("samples/s, label view", "samples/s", score.get("slamonVisitor")[0], naive,
        "naive regex").line());
    System.out.println(new Comparison("samples/s, label maps", "samples/s", score.get("slamonMaps")[0], naive,
        "naive regex").line());
    System.out.println(new Comparison("samples/s, label view, cached", "samples/s",
        score.get("slamonVisitorCached")[0], naive, "naive regex").line());
    System.out.println(new Comparison("samples/s, label maps, cached", "samples/s",
        score.get("slamonMapsCached")[0], naive, "naive regex").line());
    double best = Math.max(score.get("slamonVisitor")[0], score.get("slamonVisitorCached")[0]);
    System.out.printf("target >= 5,000,000 samples/s on one core: %s%n", best >= 5_000_000 ? "met" : "NOT met");
    cpuTime(seconds * Math.max(1, iterations));
  }

  /**
   * The same parses measured in thread CPU time instead of wall time, in this JVM after a
   * warm-up: on a shared machine wall-clock throughput mostly measures how much of a core the
   * scheduler gave us, CPU time what one parse costs.
   */
  private static void cpuTime(int seconds) {
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    String page = DcgmPage.generate(ParserBenchmark.NODES, ParserBenchmark.GPUS);
    String next = DcgmPage.generate(ParserBenchmark.NODES, ParserBenchmark.GPUS, 43);
    io.slamon.collector.exposition.PrometheusTextParser parser = new io.slamon.collector.exposition.PrometheusTextParser();
    long[] sink = new long[1];
    io.slamon.collector.exposition.SampleVisitor visitor = (family, name, labels, value, ts, exemplar) -> {
      sink[0] += name.length() + labels.size() + labels.value(labels.size() - 1).length() + (long) value;
    };
    for (boolean cached : new boolean[] {false, true}) {
      io.slamon.collector.exposition.SeriesCache cache =
          cached ? new io.slamon.collector.exposition.SeriesCache(100_000) : null;
      long samples = 0;
      long cpuStart = 0;
      long wallEnd = System.nanoTime() + 2_000_000_000L; // warm-up
      boolean measuring = false;
      for (int i = 0; ; i++) {
        if (!measuring && System.nanoTime() > wallEnd) {
          measuring = true;
          cpuStart = cpu.getCurrentThreadCpuTime();
          wallEnd = System.nanoTime() + seconds * 1_000_000_000L;
        } else if (measuring && System.nanoTime() > wallEnd) {
          break;
        }
        int n = parser.parse((i & 1) == 0 ? page : next, visitor, cache).samples();
        if (measuring) {
          samples += n;
        }
      }
      double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      System.out.printf("per CPU-second, label view%s: %,14.0f samples/s (%,d samples in %.2f CPU s)%n",
          cached ? ", cached" : "        ", samples / cpuSeconds, samples, cpuSeconds);
    }
    if (sink[0] == 42) {
      System.out.println(); // keeps the visitor's work observable
    }
  }
}
