package io.slamon.bench.ingest;

import io.slamon.core.Durations;
import io.slamon.simulator.ScaleFleet;
import io.slamon.simulator.ScaleSpec;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The end-to-end ingest benchmark of issue 3: the simulator's scale fleet serves N targets × M
 * series, and slamon, Prometheus and VictoriaMetrics scrape it one after the other for the same
 * window, so they never compete for the cores. Progress goes to stderr, the Markdown table to
 * stdout (and {@code --markdown FILE}). Run it through {@code bench/run-ingest-bench.sh}.
 */
@Command(name = "run-ingest-bench", mixinStandardHelpOptions = true,
    description = "slamon vs Prometheus vs VictoriaMetrics scraping the same simulated targets.")
public final class IngestBench implements Callable<Integer> {
  @Option(names = "--targets", defaultValue = "100", description = "scrape targets (default ${DEFAULT-VALUE})")
  int targets;

  @Option(names = "--series", defaultValue = "10000", description = "series per target (default ${DEFAULT-VALUE})")
  int series;

  // 100 x 10,000 series every 10 s: the 1 M active series and 100,000 samples/s of issue 3 at once
  @Option(names = "--interval", defaultValue = "10s", converter = DurationArg.class,
      description = "scrape interval, values change as often (default ${DEFAULT-VALUE})")
  Duration interval;

  @Option(names = "--duration", defaultValue = "120s", converter = DurationArg.class,
      description = "measurement window per peer (default ${DEFAULT-VALUE})")
  Duration duration;

  @Option(names = "--warmup", defaultValue = "60s", converter = DurationArg.class,
      description = "scraping before the window starts: series creation, JIT (default ${DEFAULT-VALUE})")
  Duration warmup;

  @Option(names = "--peers", defaultValue = "slamon,prometheus,victoriametrics", split = ",",
      description = "which peers, in this order (default ${DEFAULT-VALUE})")
  List<String> peers;

  @Option(names = "--slamon-jar", defaultValue = "app/target/slamon.jar", description = "slamon's executable jar")
  Path slamonJar;

  @Option(names = "--prometheus", defaultValue = "prometheus", description = "Prometheus binary (default ${DEFAULT-VALUE})")
  String prometheus;

  @Option(names = "--victoria-metrics", defaultValue = "victoria-metrics",
      description = "VictoriaMetrics single-node binary (default ${DEFAULT-VALUE})")
  String victoriaMetrics;

  @Option(names = "--db-pid", description = "with SLAMON_DB_URL: pid of that PostgreSQL's postmaster, to count its CPU and memory")
  Long dbPid;

  @Option(names = "--label", defaultValue = "", description = "a note for the heading, e.g. 'small run, machine shared by other builds'")
  String label;

  @Option(names = "--revision", defaultValue = "", description = "the slamon revision measured (the script passes git describe)")
  String revision;

  @Option(names = "--markdown", description = "also write the Markdown table to this file")
  Path markdownFile;

  @Option(names = "--keep", description = "keep the work directory (configs, logs, data) instead of deleting it")
  boolean keep;

  public static void main(String[] args) {
    System.exit(new CommandLine(new IngestBench()).execute(args));
  }

  /** Accepts Prometheus-style (1s, 500ms, 2m) and ISO-8601 durations. */
  static final class DurationArg implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return Durations.parse(value);
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintStream log = System.err;
    ScaleSpec spec = new ScaleSpec(targets, series, interval, 42, 0);
    String load = loadAverage();
    Path work = Files.createTempDirectory("slamon-ingest-bench-");
    Vertx vertx = Vertx.vertx();
    List<PeerResult> results = new ArrayList<>();
    try (ScaleFleet fleet = ScaleFleet.start(vertx, spec, InstantSource.system())) {
      log.printf("simulator: %d targets x %,d series every %s = %,.0f samples/s offered; load average %s; work dir %s%n",
          targets, series, human(interval), spec.samplesPerSecond(), load, work);
      var setup = new Peer.Setup(fleet.targets(), interval, series);
      var measurement = new Measurement(setup, warmup, duration, spec.samplesPerSecond(), log);
      for (String name : peers) {
        Peer peer = peer(name.strip());
        results.add(measurement.run(peer, Files.createDirectories(work.resolve(name.strip()))));
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
      if (!keep) {
        try {
          delete(work);
        } catch (IOException e) {
          log.printf("could not delete %s: %s%n", work, e);
        }
      }
    }
    String md = new Report(heading(spec, load), results, (long) targets * series).markdown();
    System.out.println(md);
    if (markdownFile != null) {
      Files.writeString(markdownFile, md);
    }
    return results.stream().anyMatch(PeerResult::ran) ? 0 : 1;
  }

  private Peer peer(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "slamon" -> new SlamonPeer(slamonJar.toAbsolutePath(), dbPid);
      case "prometheus" -> PrometheusPeer.prometheus(prometheus);
      case "victoriametrics", "victoria-metrics", "vm" -> PrometheusPeer.victoriaMetrics(victoriaMetrics);
      default -> throw new CommandLine.ParameterException(new CommandLine(this),
          "unknown peer '" + name + "'; valid: slamon, prometheus, victoriametrics");
    };
  }

  private String heading(ScaleSpec spec, String load) {
    String when = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    return String.format(Locale.ROOT, """
        **%s%s** — %d targets × %,d series every %s (%,.0f samples/s offered), %s measured per peer after %s warm-up, \
        peers one after the other%s. Machine: %d CPUs, %,d MiB RAM, load average at start %s; JDK %s; %s; %s.""",
        when, label.isBlank() ? "" : ", " + label, spec.targets(), spec.seriesPerTarget(), human(interval),
        spec.samplesPerSecond(), human(duration), human(warmup), revision.isBlank() ? "" : "; slamon " + revision, Runtime.getRuntime().availableProcessors(), memTotalMib(), load, Runtime.version(), version(prometheus, "prometheus"), version(victoriaMetrics, "victoria-metrics"));
  }

  /** The 1, 5 and 15 minute load averages. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static long memTotalMib() {
    try {
      return Proc.statusKilobytes(Files.readString(Path.of("/proc/meminfo")), "MemTotal:") / 1024;
    } catch (IOException e) {
      return -1;
    }
  }

  /** The Debian package version (the Debian VictoriaMetrics build prints no -version), else the binary's own. */
  private static String version(String binary, String debianPackage) {
    String v = run("dpkg-query", "-W", "-f=${Version}", debianPackage);
    if (v.isEmpty()) {
      v = run(binary, "--version").lines().findFirst().orElse("");
    }
    return debianPackage + " " + (v.isEmpty() ? "(version unknown)" : v.replaceFirst(" \\(.*", ""));
  }

  private static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      return p.waitFor() == 0 ? out : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** 1s, 500ms, 2m, as the options take them. */
  static String human(Duration d) {
    long ms = d.toMillis();
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
