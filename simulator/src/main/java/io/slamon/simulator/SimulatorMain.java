package io.slamon.simulator;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the demo fleet standalone until interrupted. */
@Command(
    name = "slamon-simulator",
    mixinStandardHelpOptions = true,
    description = "Simulated GPU/LLM fleet: dcgm-exporter and vLLM /metrics, events, faults.")
public final class SimulatorMain implements Callable<Integer> {
  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--control-port",
      defaultValue = "19400",
      description = "Fault control API port, 0 = ephemeral (default ${DEFAULT-VALUE}).")
  int controlPort;

  @Option(
      names = "--ephemeral-ports",
      description = "Put every /metrics server on an ephemeral port instead of 19401.. / 18001..")
  boolean ephemeralPorts;

  @Option(names = "--events-url", description = "Push events to this URL (e.g. http://127.0.0.1:9464/api/v1/events).")
  String eventsUrl;

  @Option(names = "--events-token", defaultValue = "", description = "Bearer token for --events-url.")
  String eventsToken;

  @Option(
      names = "--push-every",
      defaultValue = "PT10S",
      description = "Push interval as ISO-8601 duration (default ${DEFAULT-VALUE}).")
  Duration pushEvery;

  @Option(
      names = "--scale-targets",
      description = "Benchmark mode: serve this many dcgm-exporter-like targets instead of the demo fleet.")
  Integer scaleTargets;

  @Option(names = "--scale-series", defaultValue = "10000", description = "Benchmark mode: series per target (default ${DEFAULT-VALUE}).")
  int scaleSeries;

  @Option(names = "--scale-interval", defaultValue = "PT1S",
      description = "Benchmark mode: values change every this ISO-8601 duration (default ${DEFAULT-VALUE}).")
  Duration scaleInterval;

  @Option(names = "--scale-first-port", defaultValue = "0",
      description = "Benchmark mode: first target port, the others follow; 0 = ephemeral (default).")
  int scaleFirstPort;

  @Option(names = "--targets-file", description = "Benchmark mode: write the targets (host:port, one a line) here once all listen.")
  java.nio.file.Path targetsFile;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SimulatorMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (scaleTargets != null) {
      return scale();
    }
    FleetSpec spec = FleetSpec.demo(seed);
    if (ephemeralPorts) {
      spec = spec.withEphemeralPorts();
    }
    Vertx vertx = Vertx.vertx();
    Fleet fleet;
    try {
      fleet = Fleet.start(vertx, spec, InstantSource.system(), controlPort);
    } catch (IllegalStateException e) {
      System.err.println("slamon-simulator: " + e.getMessage());
      vertx.close();
      return 1;
    }
    System.out.println("dcgm-exporter targets: " + String.join(" ", fleet.gpuTargets()));
    System.out.println("vLLM targets:          " + String.join(" ", fleet.vllmTargets()));
    System.out.println("fault control API:     http://127.0.0.1:" + fleet.controlPort() + "/faults");
    if (eventsUrl != null) {
      fleet.startPushing(eventsUrl, eventsToken, pushEvery);
      System.out.println("pushing events to:     " + eventsUrl + " every " + pushEvery);
    }
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  fleet.close();
                  vertx.close();
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }

  private int scale() throws Exception {
    ScaleSpec spec;
    try {
      spec = new ScaleSpec(scaleTargets, scaleSeries, scaleInterval, seed, scaleFirstPort);
    } catch (IllegalArgumentException e) {
      System.err.println("slamon-simulator: " + e.getMessage());
      return 2;
    }
    Vertx vertx = Vertx.vertx();
    ScaleFleet fleet;
    try {
      fleet = ScaleFleet.start(vertx, spec, InstantSource.system());
    } catch (IllegalStateException e) {
      System.err.println("slamon-simulator: " + e.getMessage());
      vertx.close();
      return 1;
    }
    System.out.printf("scale fleet: %d targets x %d series every %s = %.0f samples/s%n", spec.targets(),
        spec.seriesPerTarget(), spec.interval(), spec.samplesPerSecond());
    if (targetsFile != null) {
      java.nio.file.Files.write(targetsFile, fleet.targets());
      System.out.println("targets written to " + targetsFile);
    } else {
      System.out.println("targets: " + String.join(" ", fleet.targets()));
    }
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      fleet.close();
      vertx.close();
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }
}
