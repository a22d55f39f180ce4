package io.slamon.app;

import io.slamon.core.config.Reports;
import io.slamon.core.config.SlamonConfig;
import io.slamon.core.config.Tenant;
import io.slamon.incident.RegulatoryClocks;
import io.slamon.incident.clock.ClockPlan;
import io.slamon.incident.clock.DeadlineStatus;
import io.slamon.reports.MonthlyReportSchedule;
import io.slamon.reports.ReportService;
import io.slamon.reports.render.ReportRenderer;
import io.slamon.slo.SloDefinition;
import io.slamon.slo.StoredSliSource;
import io.slamon.slo.period.PeriodJob;
import io.slamon.slo.period.PeriodJob.TenantSetup;
import io.slamon.slo.period.PeriodResult.ClockEvidence;
import io.slamon.slo.period.StoredPeriodInputs;
import io.slamon.store.Database;
import io.slamon.store.IncidentRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires the period job, the report service and the monthly schedule from the configuration — the
 * one place {@code serve}, {@code demo} and {@code report} get them from. Hourly period job:
 * {@link #periodJob()} is a {@code Runnable}; monthly reports: {@link #schedule} likewise.
 */
final class Reporting {
  private final SlamonConfig config;
  private final List<SloDefinition> slos;
  private final PeriodJob periods;
  private final ReportService reports;

  Reporting(SlamonConfig config, Database db, InstantSource clock) {
    this.config = config;
    this.slos = ConfigMapping.sloDefinitions(config);
    RegulatoryClocks clocks = ConfigMapping.regulatoryClocks(config, db, clock);
    StoredPeriodInputs inputs = new StoredPeriodInputs(db.rollupReader(), db.eventStore(), db.incidentStore(), db.auditLog(),
        db.periodResultStore(), rollups -> EngineSlis.of(config, db, clock, rollups, new StoredSliSource(rollups)),
        incident -> clockEvidence(clocks, incident, clock.instant()));
    this.periods = new PeriodJob(this::setups, inputs, db.periodResultStore(), clock);
    this.reports = new ReportService(config.provider(), periods, db.reportArchive(), new ReportRenderer(), clock);
  }

  List<TenantSetup> setups() {
    return config.tenants().stream().map(this::setup).toList();
  }

  TenantSetup setup(Tenant t) {
    return new TenantSetup(t, slos.stream().filter(s -> s.tenant().equals(t.id())).toList());
  }

  /** The engine's hourly period job (current and previous month of every tenant). */
  PeriodJob periodJob() {
    return periods;
  }

  ReportService reports() {
    return reports;
  }

  MonthlyReportSchedule schedule(MonthlyReportSchedule.When when, InstantSource clock) {
    return new MonthlyReportSchedule(this::setups, reports, when, clock);
  }

  /** The schedule's day, hour and languages as configured ({@code reports:} in slamon.yaml). */
  static MonthlyReportSchedule.When when(Reports reports) {
    return new MonthlyReportSchedule.When(reports.day(), reports.hour(), reports.languages());
  }

  /** Writes the PDF and the JSON twin as {@code <report id>.pdf|.json} into {@code dir}; returns the PDF's path. */
  static Path write(ReportService.Issued issued, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path pdf = dir.resolve(issued.summary().reportId() + ".pdf");
    Files.write(pdf, issued.pdf());
    Files.writeString(dir.resolve(issued.summary().reportId() + ".json"), issued.json());
    return pdf;
  }

  /** Each regulatory deadline of an incident as the report states it. */
  static List<ClockEvidence> clockEvidence(RegulatoryClocks clocks, IncidentRecord incident, Instant now) {
    List<ClockEvidence> out = new ArrayList<>();
    ClockPlan plan = clocks.plan(incident.id()).orElse(null);
    if (plan == null) {
      return out;
    }
    for (DeadlineStatus s : plan.statuses(now)) {
      var notified = plan.facts().firstNotified(s.kind());
      out.add(new ClockEvidence(s.kind().regime().name(), s.kind().label(), s.deadline().due() == null ? null : s.deadline().due().toString(),
          notified.map(n -> n.sentAt() == null ? null : n.sentAt().toString()).orElse(null), s.state().name(), s.message(),
          s.state() == DeadlineStatus.State.NOT_NOTIFIED_DOCUMENTED));
    }
    return out;
  }
}
