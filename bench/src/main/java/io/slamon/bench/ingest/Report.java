package io.slamon.bench.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The side-by-side table in Markdown (for {@code docs/benchmarks.md}): one column per peer,
 * then slamon's ratio to each baseline, then the targets with "met" or "NOT met".
 */
final class Report {
  static final long GIB = 1L << 30;

  private record Row(String label, Function<PeerResult, Double> value, String format, boolean ratio) {}

  /** The memory target of issue 3 applies at this many active series. */
  static final long TARGET_SERIES = 1_000_000;

  private final String heading;
  private final List<PeerResult> results;
  private final long activeSeries;

  /** @param activeSeries series the targets expose together (targets × series per target) */
  Report(String heading, List<PeerResult> results, long activeSeries) {
    this.heading = heading;
    this.results = List.copyOf(results);
    this.activeSeries = activeSeries;
  }

  String markdown() {
    PeerResult slamon = find("slamon");
    // ratio columns only when slamon is in the run
    List<PeerResult> baselines = slamon == null ? List.of()
        : results.stream().filter(r -> !r.peer().equals("slamon")).toList();
    StringBuilder md = new StringBuilder(heading).append("\n\n");
    md.append("| |");
    results.forEach(r -> md.append(' ').append(r.peer()).append(" |"));
    baselines.forEach(b -> md.append(" slamon / ").append(b.peer()).append(" |"));
    md.append("\n|---|");
    md.append("---:|".repeat(results.size() + baselines.size())).append('\n');
    for (Row row : rows()) {
      md.append("| ").append(row.label()).append(" |");
      for (PeerResult r : results) {
        md.append(' ').append(cell(r, row)).append(" |");
      }
      for (PeerResult b : baselines) {
        md.append(' ').append(row.ratio() ? ratio(slamon, b, row) : "").append(" |");
      }
      md.append('\n');
    }
    md.append(textRow("backlog: queue start → end (max)", r -> r.queue() == null ? null
        : String.format(Locale.ROOT, "%,.0f → %,.0f (%,.0f)", r.queue().start(), r.queue().end(), r.queue().max())));
    md.append(textRow("scrape-to-queryable p50 / p99 / max", r -> r.latenciesMillis().isEmpty() ? null
        : String.format(Locale.ROOT, "%,d / %,d / %,d ms (%d points)", r.latencyQuantile(0.5).orElseThrow(),
            r.latencyQuantile(0.99).orElseThrow(), r.latencyQuantile(1.0).orElseThrow(), r.latenciesMillis().size())));
    md.append(textRow("load average at window start (1/5/15 min)", PeerResult::loadAtStart));
    for (PeerResult r : results) {
      if (!r.ran()) {
        md.append("\n").append(r.peer()).append(" skipped: ").append(r.skipped()).append('\n');
      }
    }
    md.append('\n').append(targets(slamon, find("Prometheus")));
    return md.toString();
  }

  private String textRow(String label, Function<PeerResult, String> text) {
    StringBuilder md = new StringBuilder("| ").append(label).append(" |");
    for (PeerResult r : results) {
      String t = r.ran() ? text.apply(r) : null;
      md.append(' ').append(t == null ? "n/a" : t).append(" |");
    }
    boolean ratios = results.stream().anyMatch(r -> r.peer().equals("slamon"));
    md.append(" |".repeat(ratios ? (int) results.stream().filter(r -> !r.peer().equals("slamon")).count() : 0)).append('\n');
    return md.toString();
  }

  private static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("samples stored in window", PeerResult::samples, "%,.0f", false));
    rows.add(new Row("sustained rate, samples/s", PeerResult::samplesPerSecond, "%,.0f", true));
    rows.add(new Row("stored / offered (series only)", r -> r.samplesPerSecond() / r.offeredPerSecond(), "%.3f", false));
    rows.add(new Row("**CPU-s per million samples, total**", PeerResult::cpuPerMillionSamples, "**%.3f**", true));
    rows.add(new Row("CPU-s per million samples, collector", r -> r.cpuSeconds().containsKey("collector")
        ? r.cpuPerMillionSamples("collector") : null, "%.3f", false));
    rows.add(new Row("CPU-s per million samples, database", r -> r.cpuSeconds().containsKey("database")
        ? r.cpuPerMillionSamples("database") : null, "%.3f", false));
    rows.add(new Row("CPU cores used (average)", r -> r.totalCpuSeconds() / r.windowSeconds(), "%.2f", true));
    rows.add(new Row("**peak memory, MiB (collector / server: VmHWM)**", r -> mib(r.memoryBytes().getOrDefault("collector",
        r.memoryBytes().get("server"))), "**%,.0f**", true));
    rows.add(new Row("collector live heap after full GC, MiB (jcmd, after the window)",
        r -> mib(r.memoryBytes().get(Measurement.LIVE_HEAP)), "%,.0f", false));
    rows.add(new Row("peak memory, MiB (database: sum of PSS)", r -> mib(r.memoryBytes().get("database")), "%,.0f", false));
    rows.add(new Row("queue growth, samples/s (least squares)", r -> r.queue() == null ? null : r.queue().slopePerSecond(),
        "%,.1f", false));
    rows.add(new Row("disk spool at end, bytes", r -> r.queue() == null ? null : r.queue().spoolBytesEnd(), "%,.0f", false));
    rows.add(new Row("samples refused in window", r -> r.queue() == null ? null : r.queue().refused(), "%,.0f", false));
    rows.add(new Row("benchmark JVM CPU (simulator + probe), cores", r -> r.harnessCpuSeconds() / r.windowSeconds(), "%.2f",
        false));
    return rows;
  }

  private static String cell(PeerResult r, Row row) {
    Double v = r.ran() ? row.value().apply(r) : null;
    return v == null || v.isNaN() ? "n/a" : String.format(Locale.ROOT, row.format(), v);
  }

  private static String ratio(PeerResult slamon, PeerResult baseline, Row row) {
    if (slamon == null || !slamon.ran() || !baseline.ran()) {
      return "n/a";
    }
    Double a = row.value().apply(slamon);
    Double b = row.value().apply(baseline);
    return a == null || b == null || !(b > 0) ? "n/a" : String.format(Locale.ROOT, "%.2f", a / b);
  }

  private String targets(PeerResult slamon, PeerResult prometheus) {
    if (slamon == null || !slamon.ran()) {
      return "Targets of issue 3: not evaluated (slamon did not run).\n";
    }
    StringBuilder t = new StringBuilder("Targets of issue 3 (at this size):\n\n");
    if (prometheus != null && prometheus.ran()) {
      double ratio = slamon.cpuPerMillionSamples() / prometheus.cpuPerMillionSamples();
      t.append(String.format(Locale.ROOT, "- CPU per sample (collector + database) ≤ 2× Prometheus: %.2f× — %s%n", ratio,
          ratio <= 2 ? "met" : "NOT met"));
    } else {
      t.append("- CPU per sample ≤ 2× Prometheus: not evaluated (Prometheus did not run)\n");
    }
    long mem = slamon.memoryBytes().getOrDefault("collector", 0L);
    String live = slamon.memoryBytes().containsKey(Measurement.LIVE_HEAP)
        ? String.format(Locale.ROOT, ", live heap %,.0f MiB", mib(slamon.memoryBytes().get(Measurement.LIVE_HEAP))) : "";
    if (activeSeries >= TARGET_SERIES) {
      t.append(String.format(Locale.ROOT, "- collector memory ≤ 1 GiB at 1 M active series (%,d here): peak RSS %,.0f MiB%s — %s%n",
          activeSeries, mib(mem), live, mem <= GIB ? "met" : "NOT met"));
    } else {
      t.append(String.format(Locale.ROOT, "- collector memory ≤ 1 GiB at 1 M active series: not evaluated, only %,d active"
          + " series here (peak RSS %,.0f MiB%s)%n", activeSeries, mib(mem), live));
    }
    t.append(backlog(slamon));
    t.append(slamon.latencyQuantile(0.99)
        .map(p99 -> String.format(Locale.ROOT, "- scrape-to-queryable p99 < 5 s: %,d ms — %s%n", p99, p99 < 5000 ? "met" : "NOT met"))
        .orElse("- scrape-to-queryable p99 < 5 s: NOT met (the probe saw no point become queryable)\n"));
    return t.toString();
  }

  private static String backlog(PeerResult slamon) {
    PeerResult.Queue q = slamon.queue();
    double keptUp = slamon.samplesPerSecond() / slamon.offeredPerSecond();
    if (q == null || Double.isNaN(q.slopePerSecond()) || Double.isNaN(q.refused())) {
      // a renamed or missing meter must not read as "no backlog"
      return String.format(Locale.ROOT, "- sustained offered rate with no growing backlog: stored %.1f %% of offered;"
          + " backlog not evaluated (queue depth or refusals missing from slamon's /metrics)%n", keptUp * 100);
    }
    boolean growing = q.slopePerSecond() > 0.01 * slamon.offeredPerSecond() || q.refused() > 0;
    return String.format(Locale.ROOT, "- sustained offered rate with no growing backlog: stored %.1f %% of offered,"
            + " queue growth %,.0f samples/s, %,.0f refused — %s%n", keptUp * 100, q.slopePerSecond(), q.refused(),
        keptUp >= 0.98 && !growing ? "met" : "NOT met");
  }

  private PeerResult find(String name) {
    return results.stream().filter(r -> r.peer().equals(name)).findFirst().orElse(null);
  }

  private static Double mib(Long bytes) {
    return bytes == null ? null : bytes / (1024.0 * 1024.0);
  }
}
