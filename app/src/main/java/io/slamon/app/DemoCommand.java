package io.slamon.app;

import io.slamon.core.config.SlamonConfig;
import io.slamon.incident.IncidentOpener;
import io.slamon.simulator.Fault;
import io.slamon.simulator.FaultType;
import io.slamon.simulator.Fleet;
import io.slamon.simulator.FleetSpec;
import io.slamon.slo.SloResult;
import io.slamon.store.Database;
import io.slamon.store.IncidentRecord;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slamon demo}: the whole loop on the embedded default — database, simulated fleet, collector,
 * a first SLO evaluation, an injected fault and the incident it opens.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole loop on the embedded default: start an embedded PostgreSQL, a simulated GPU/LLM fleet"
          + " (dcgm-exporter and vLLM endpoints), the collector scraping it and receiving its events;"
          + " evaluate every tenant SLO, inject a latency spike and show the incident it opens.",
      "Keeps running afterwards (Ctrl-C stops) unless --once is given.",
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "DIR", defaultValue = "examples/config",
      description = "configuration directory (default: ${DEFAULT-VALUE})")
  Path configDir;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/demo",
      description = "where the embedded PostgreSQL keeps its data; survives restarts (default: ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(names = "--no-db-roles", description = "do not apply the tenant database roles at start (see 'slamon db roles')")
  boolean noDbRoles;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
      description = "HTTP port of the collector (events API, /metrics, /health); 0 picks a free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--portal-port", paramLabel = "PORT", defaultValue = "-1",
      description = "port of the portal and API; default portal.port of the configuration, or a free port when that is taken")
  int portalPort;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "simulator seed; same seed, same fleet (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--fault-tenant", paramLabel = "TENANT", defaultValue = "hanse-bank",
      description = "tenant whose inference endpoint gets the latency spike (default: ${DEFAULT-VALUE})")
  String faultTenant;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT100S",
      description = "give up waiting for the incident after this long, ISO-8601 (default: ${DEFAULT-VALUE})")
  Duration timeout;

  @Option(names = "--once", description = "exit after the scenario instead of serving until Ctrl-C")
  boolean once;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Console console = new Console(out);
    console.line("slamon demo — the loop from scrape to incident on the embedded default");
    console.line("");

    SlamonConfig config = ConfigCommand.loadOrReport(configDir, spec.commandLine().getErr());
    if (config == null) {
      return 2;
    }
    console.step("configuration %s: %s", configDir, ConfigCommand.summary(config));

    InstantSource clock = InstantSource.system();
    var startedAt = clock.instant().minusSeconds(60);
    Shutdown shutdown = once ? null : new Shutdown();
    Vertx vertx = Vertx.vertx();
    var settings = ServeCommand.databaseSettings(config, dataDir);
    try (Database db = Database.open(settings, msg -> console.step("%s", msg))) {
      RolesAtStart.apply(config, db, noDbRoles, System.getenv(), console);

      Fleet fleet = Fleet.start(vertx, FleetSpec.demo(seed), clock, 0);
      console.step("simulator: %d GPU nodes (dcgm-exporter) %s, %d vLLM servers %s, fault API http://127.0.0.1:%d/faults",
          fleet.gpuTargets().size(), fleet.gpuTargets(), fleet.vllmTargets().size(), fleet.vllmTargets(), fleet.controlPort());

      try (SlamonRuntime runtime = SlamonRuntime.start(config, db, vertx, clock, port, dataDir);
          var portal = PortalWiring.start(config, db, vertx, clock, portalPort, true, msg -> console.step("%s", msg))) {
        int httpPort = runtime.collector().port();
        String base = "http://127.0.0.1:" + httpPort;
        String token = ConfigMapping.firstEventToken(config);
        var pusher = fleet.startPushing(base + "/api/v1/events", token, Duration.ofSeconds(2));
        console.step("collector: scraping %d targets, events API %s/api/v1/events", runtime.targetCount(), base);

        // Two scrapes give every counter a first increase.
        for (int i = 0; i < 2; i++) {
          runtime.collector().scrapeNow().toCompletionStage().toCompletableFuture().get();
          Thread.sleep(1500);
        }
        var collector = runtime.collector();
        console.step("stored %d samples so far, %d events received (the simulator pushes backups, index freshness and token usage every minute)",
            collector.samplesWritten(), collector.eventsAccepted());

        SlamonRuntime.Round first = runtime.evaluate();
        console.step("first SLO evaluation (%d SLOs; not evaluated yet: %s):", first.results().size(), ConfigMapping.notYetEvaluated(config));
        printResults(console, first.results());

        String faultId = fleet.inject(new Fault(FaultType.LATENCY_SPIKE, faultTenant, Duration.ofMinutes(3)));
        console.step("injected fault %s: latency spike on %s's inference endpoint (time to first token ~2 s)", faultId, faultTenant);

        List<IncidentOpener.Outcome> incidents = waitForIncident(runtime, console, shutdown);
        if (incidents.isEmpty()) {
          console.step("no incident within %s — something is wrong; see the log above", timeout);
          return 1;
        }
        for (IncidentOpener.Outcome o : incidents) {
          IncidentRecord inc = o.incident();
          console.step("INCIDENT %s %s %s: %s", inc.id(), inc.severity(),
              o.opened() ? "opened" : "still open since " + inc.openedAt() + " (earlier run)", inc.title());
        }
        fleet.clear(faultId);
        // The fault tenant's monthly report for the month so far, rendered beside the demo (a few seconds).
        var report = java.util.concurrent.CompletableFuture.supplyAsync(() -> DemoReport.issue(config, db, clock, faultTenant, dataDir));
        var audit = db.auditLog().all();
        console.step("audit log: %d entries, chain %s (check any time: ./slamon audit verify --data-dir %s)", audit.size(),
            io.slamon.core.audit.AuditChain.verify(audit).map(b -> "BROKEN at #" + b.seq()).orElse("intact"), dataDir);

        console.line("");
        console.line("Open these while the demo runs:");
        console.line("  collector self-metrics  %s/metrics", base);
        console.line("  health / readiness      %s/health   %s/ready", base, base);
        console.line("  GPU node (dcgm)         http://%s/metrics", fleet.gpuTargets().get(0));
        console.line("  vLLM server             http://%s/metrics", fleet.vllmTargets().get(0));
        console.line("  simulator faults        http://127.0.0.1:%d/faults", fleet.controlPort());
        console.line("  database                %s", db.jdbcUrl());
        DemoTokens.print(console, config, "http://" + config.portal().bind() + ":" + portal.port());
        console.line("Inject another fault:  curl -X POST http://127.0.0.1:%d/faults -d '{\"type\":\"endpoint-down\",\"target\":\"acme-logistik\",\"durationSeconds\":60}'",
            fleet.controlPort());
        console.line("");

        console.step("%s", DemoReport.await(report));
        // The simulator pushes token usage and index freshness on the minute, backups every 15 min.
        console.step("waiting for the simulator's pushed events (they arrive on the full minute) ...");
        long eventsDeadline = System.nanoTime() + Duration.ofSeconds(70).toNanos();
        while (runtime.collector().eventsAccepted() == 0 && System.nanoTime() < eventsDeadline && !stopping(shutdown)) {
          Thread.sleep(500);
        }
        // On Ctrl-C the embedded server's own shutdown hook is already stopping the database.
        if (!stopping(shutdown)) {
          var stored = db.eventStore().list(faultTenant, "", startedAt, clock.instant().plusSeconds(1));
          console.step("events received: %d accepted, %d rejected; stored for %s: %s", runtime.collector().eventsAccepted(),
              runtime.collector().eventsRejected(), faultTenant,
              stored.stream().map(e -> e.type()).distinct().sorted().toList());
        }

        if (!once && !shutdown.requested()) {
          console.step("serving; evaluating every %ss. Press Ctrl-C to stop.", config.evaluation().interval().toSeconds());
          runtime.scheduleEvaluations(config.evaluation().interval(), round -> {
            round.opened().forEach(inc -> console.step("INCIDENT %s %s opened: %s", inc.id(), inc.severity(), inc.title()));
            round.escalations().forEach(e -> console.step("%s", SlamonRuntime.describe(e)));
            round.significance().forEach(f -> console.step("%s", f.describe()));
          });
          shutdown.awaitRequest();
        }
        pusher.close();
      } finally {
        fleet.close();
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
      console.step("stopped; data kept in %s", dataDir);
      if (shutdown != null) {
        shutdown.finished();
      }
    }
    return 0;
  }

  /**
   * Evaluates every few seconds until the fault tenant has a live incident: newly opened, or still
   * open from an earlier demo run on the same data directory (the data survives restarts).
   */
  private List<IncidentOpener.Outcome> waitForIncident(SlamonRuntime runtime, Console console, Shutdown shutdown) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && !stopping(shutdown)) {
      Thread.sleep(3000);
      runtime.collector().scrapeNow().toCompletionStage().toCompletableFuture().get();
      SlamonRuntime.Round round = runtime.evaluate();
      round.results().stream()
          .filter(r -> r.slo().tenant().equals(faultTenant))
          .forEach(r -> console.step("  %-16s %-28s attainment %-12s objective %s",
              r.slo().tenant(), r.slo().name(), Console.percent(r.attainment()), Console.percent(r.slo().objective())));
      List<IncidentOpener.Outcome> mine = round.incidents().stream()
          .filter(o -> faultTenant.equals(o.incident().tenant()))
          .toList();
      if (!mine.isEmpty()) {
        return mine;
      }
    }
    return List.of();
  }

  private static boolean stopping(Shutdown shutdown) {
    return shutdown != null && shutdown.requested();
  }

  private static void printResults(Console console, List<SloResult> results) {
    for (SloResult r : results) {
      console.step("  %-16s %-28s attainment %-12s objective %-10s budget left %s",
          r.slo().tenant(), r.slo().name(), Console.percent(r.attainment()), Console.percent(r.slo().objective()),
          Console.percent(r.budgetRemaining()));
    }
  }

}
