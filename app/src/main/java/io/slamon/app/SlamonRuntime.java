package io.slamon.app;

import io.slamon.collector.Collector;
import io.slamon.collector.ScrapeTarget;
import io.slamon.core.config.SlamonConfig;
import io.slamon.incident.IncidentOpener;
import io.slamon.incident.RegulatoryClocks;
import io.slamon.incident.Signal;
import io.slamon.incident.SignalScanner;
import io.slamon.slo.AlertSeverity;
import io.slamon.slo.BurnRateEvaluation;
import io.slamon.slo.BurnRateMonitor;
import io.slamon.slo.SloDefinition;
import io.slamon.slo.SloEvaluator;
import io.slamon.slo.SloResult;
import io.slamon.slo.StoredSliSource;
import io.slamon.store.Database;
import io.slamon.store.IncidentRecord;
import io.slamon.store.SloStatus;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running slamon: the collector plus the evaluation round (SLOs → status history → signals →
 * incidents). Shared by {@code serve} and {@code demo}; holds no rules of its own.
 */
final class SlamonRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlamonRuntime.class);

  private final SlamonConfig config;
  private final Database db;
  private final InstantSource clock;
  private final Collector collector;
  private final int targetCount;
  private final List<SloDefinition> slos;
  private final StoredSliSource sli;
  private final SloEvaluator evaluator;
  private final BurnRateMonitor burnRates;
  private final SignalScanner scanner;
  private final io.slamon.incident.ObligationScanner obligations;
  private final IncidentOpener opener;
  private final io.slamon.incident.Nis2Watch nis2;
  private final RegulatoryClocks clocks;
  private final EvaluationScheduler scheduler;
  private final AlertWiring alerts;

  private SlamonRuntime(SlamonConfig config, Database db, InstantSource clock, Collector collector, int targetCount) {
    this.targetCount = targetCount;
    this.config = config;
    this.db = db;
    this.clock = clock;
    this.collector = collector;
    this.slos = ConfigMapping.sloDefinitions(config);
    this.sli = new StoredSliSource(db.rollupReader());
    var source = EngineSlis.of(config, db, clock, db.rollupReader(), sli);
    this.evaluator = new SloEvaluator(source, clock);
    this.burnRates = new BurnRateMonitor(source, slo -> BuiltInKinds.burnRatePolicy(config, slo.name()), clock);
    this.scanner = new SignalScanner(db.sampleStore(), clock, Duration.ofMinutes(2));
    this.obligations = new io.slamon.incident.ObligationScanner(db.eventStore(), clock, Duration.ofMinutes(2));
    this.opener = new IncidentOpener(db.incidentStore(), db.auditLog(), clock);
    this.nis2 = new io.slamon.incident.Nis2Watch(db.incidentStore(), db.auditLog(), new io.slamon.incident.AvailabilityMinutes(
        db.rollupReader()), tenant -> config.tenant(tenant).map(t -> t.regulatory().nis2() != null).orElse(false), clock);
    this.clocks = ConfigMapping.regulatoryClocks(config, db, clock);
    this.scheduler = new EvaluationScheduler(db.dataSource());
    scheduler.every(Duration.ofHours(1), "retention", this::applyRetention);
    // SLA period results (what reports read) and the monthly reports, on the same singleton schedule.
    Reporting reporting = new Reporting(config, db, clock);
    scheduler.every(Duration.ofHours(1), "period-results", reporting.periodJob());
    if (config.reports().enabled()) {
      scheduler.every(Duration.ofHours(1), "monthly-reports", reporting.schedule(Reporting.when(config.reports()), clock));
    }
    this.alerts = new AlertWiring(config, db, clock);
  }

  /** Drops raw samples and rollups past their configured age (storage.retention, docs/storage.md). */
  private void applyRetention() {
    try {
      var r = config.storage().retention();
      List<String> dropped = db.retention().apply(clock.instant(), r.raw(), r.rollups());
      if (!dropped.isEmpty()) {
        LOG.info("retention dropped {}", dropped);
      }
    } catch (RuntimeException e) {
      LOG.warn("retention failed: {}", Main.describe(e));
    }
  }

  /**
   * Starts the collector (scraping and the events API on {@code httpPort}, 0 = any free port); its
   * disk spool lives in {@code dataDir/spool}.
   */
  static SlamonRuntime start(SlamonConfig config, Database db, Vertx vertx, InstantSource clock, int httpPort, java.nio.file.Path dataDir) {
    var discovery = ConfigMapping.targetDiscovery(config);
    List<ScrapeTarget> targets = discovery.get();
    Collector collector = ConfigMapping.collector(config, targets, db, vertx, httpPort, dataDir.resolve("spool"));
    collector.start();
    if (ConfigMapping.usesFileSd(config)) {
      // file_sd files are watched: changes are picked up within 5 s, each file re-read at its refresh_interval
      collector.discoverTargets(discovery, Duration.ofSeconds(5));
    }
    return new SlamonRuntime(config, db, clock, collector, targets.size());
  }

  Collector collector() {
    return collector;
  }

  /** Scrape targets after relabeling and file-based discovery, as the collector got them. */
  int targetCount() {
    return targetCount;
  }

  List<SloDefinition> slos() {
    return slos;
  }

  /** What one evaluation round found. */
  record Round(List<SloResult> results, List<IncidentOpener.Outcome> incidents, List<RegulatoryClocks.FiredEscalation> escalations,
      java.util.Map<String, BurnRateEvaluation> burnRates, List<io.slamon.incident.Nis2Watch.Flag> significance) {
    List<IncidentRecord> opened() {
      return incidents.stream().filter(IncidentOpener.Outcome::opened).map(IncidentOpener.Outcome::incident).toList();
    }
  }

  /** Evaluates every SLO once, stores the statuses, and opens incidents for what needs one. */
  Round evaluate() {
    sli.startRound(); // fresh rollup totals, shared by all tenants within this round
    List<SloResult> results = new ArrayList<>();
    List<Signal> signals = new ArrayList<>();
    java.util.Map<String, BurnRateEvaluation> burnBySlo = new java.util.LinkedHashMap<>();
    record Evaluated(SloDefinition slo, BurnRateEvaluation burn, SloResult result) {}
    List<Evaluated> evaluated = new ArrayList<>();
    for (SloDefinition slo : slos) {
      SloResult r = evaluator.evaluate(slo);
      results.add(r);
      db.sloStatusStore().append(new SloStatus(
          slo.tenant(), slo.name(), r.windowEnd(), r.windowStart(), r.windowEnd(),
          r.counts().good(), r.counts().total(), slo.objective(), r.attainment(), r.budgetRemaining()));
      var burn = burnRates.evaluate(slo);
      burnBySlo.put(slo.tenant() + "/" + slo.name(), burn);
      evaluated.add(new Evaluated(slo, burn, r));
      if (burn.highestSeverity() == AlertSeverity.PAGE) {
        var c = burn.conditions().stream().filter(BurnRateEvaluation.ConditionState::firing).findFirst().orElseThrow();
        signals.add(new Signal(slo.tenant(), Signal.Kind.FAST_BURN, slo.name(), "inference",
            String.format(java.util.Locale.ROOT, "%s: burn rate %.1fx over %s and %.1fx over %s (> %.1fx)", c.condition().name(),
                c.longBurnRate(), c.condition().longWindow(), c.shortBurnRate(), c.condition().shortWindow(), c.scaledFactor()),
            r.windowEnd()));
      }
      BuiltInKinds.noDataSignal(config, slo, burn, r.windowEnd()).ifPresent(signals::add);
      if (r.breached()) {
        signals.add(new Signal(slo.tenant(), Signal.Kind.SLO_BREACH, slo.name(), "inference",
            "attainment " + Console.percent(r.attainment()) + " < objective " + Console.percent(slo.objective()), r.windowEnd()));
      }
    }
    signals.addAll(scanner.scan(config.tenants().stream().map(t -> t.id()).toList()));
    signals.addAll(obligations.scan(config.tenants().stream()
        .map(t -> new io.slamon.incident.ObligationScanner.TenantContract(t.id(), t.contract())).toList()));
    List<IncidentOpener.Outcome> outcomes = signals.stream().map(opener::open).toList();
    // The alerts are built once this round's incidents are known, so they carry their incident_id.
    var incidentsBySlo = AlertWiring.incidentsBySlo(signals, outcomes);
    List<io.slamon.alerts.AlertSpec> firing = new ArrayList<>();
    for (Evaluated e : evaluated) {
      firing.addAll(AlertWiring.alerts(e.slo(), e.burn(), e.result(),
          incidentsBySlo.getOrDefault(AlertWiring.sloKey(e.slo().tenant(), e.slo().name()), java.util.Map.of())));
    }
    // Every incident, read once after this round opened its own: NIS2 significance, incident alerts, deadline board.
    List<IncidentRecord> incidents = db.incidentStore().list(null);
    var nis2Round = nis2.assess(incidents); // NIS2 Art. 7 thresholds of running incidents: log new flags, alert while they stand
    List<io.slamon.incident.Nis2Watch.Flag> significance = nis2Round.flagged();
    significance.forEach(f -> LOG.warn("{}", f.describe()));
    firing.addAll(AlertWiring.significance(nis2Round.standing()));
    firing.addAll(AlertWiring.incidents(incidents)); // every live incident
    List<RegulatoryClocks.FiredEscalation> fired = clocks.fireDue();
    DeadlineSnapshot.refresh(db, clocks, clock.instant(), incidents); // for the provider's "open clocks nearest deadline" panel
    alerts.round(firing, fired); // escalations and page/ticket alerts into the outbox (alerts/)
    return new Round(results, outcomes, fired, burnBySlo, significance);
  }

  /** One line per escalation step a round fired. */
  static String describe(RegulatoryClocks.FiredEscalation e) {
    return "ESCALATION " + e.incidentId() + " " + e.step().id() + " (" + (e.tenant() == null ? "provider" : e.tenant()) + ")"
        + (e.late() ? " LATE by " + e.lateBy() : "");
  }

  /**
   * Runs {@link #evaluate()} every {@code every}, handing each round to {@code onRound}, on the one
   * instance holding the evaluation lock ({@link EvaluationScheduler}).
   */
  void scheduleEvaluations(Duration every, Consumer<Round> onRound) {
    scheduler.every(every, "slo-evaluation", () -> onRound.accept(evaluate())).start();
  }

  /** The singleton scheduler; further periodic jobs are one {@code every(period, name, job)} line. */
  EvaluationScheduler scheduler() {
    return scheduler;
  }

  @Override
  public void close() {
    scheduler.close();
    alerts.close();
    collector.close();
  }
}
