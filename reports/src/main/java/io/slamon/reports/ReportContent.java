package io.slamon.reports;

import io.slamon.slo.period.PeriodResult;
import io.slamon.slo.period.PeriodResult.ClockEvidence;
import io.slamon.slo.period.PeriodResult.DayPoint;
import io.slamon.slo.period.PeriodResult.IncidentEvidence;
import io.slamon.slo.period.PeriodResult.SloOutcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a stored {@link PeriodResult} into the sections the template prints: one map per
 * section with a heading, an intro line, table rows and (for SLOs) the chart points. It only
 * formats — every number comes from the period result.
 */
final class ReportContent {
  /** Where the rules behind the numbers are written down (shipped with slamon). */
  static final String RATIONALE = "slo-engine/RATIONALE.md, docs/reports.md";

  private final Formats f;

  ReportContent(Formats formats) {
    this.f = formats;
  }

  List<Map<String, ?>> sections(PeriodResult r, String jsonSha256) {
    List<Map<String, ?>> out = new ArrayList<>();
    out.add(summary(r));
    for (SloOutcome s : r.slos()) {
      out.add(slo(s));
    }
    out.add(latency(r));
    out.add(incidents(r));
    out.add(clocks(r));
    out.add(recovery(r));
    out.add(patches(r));
    out.add(capacity(r));
    out.add(maintenance(r));
    out.add(appendix(r, jsonSha256));
    return out;
  }

  private Map<String, ?> summary(PeriodResult r) {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(header("col.slo", "col.objective", "col.attainment", "col.status", "col.budgetLeft", "col.credit"));
    var a = r.availability();
    rows.add(row(f.text("section.availability") + " (" + a.availabilityClass() + ")", f.percent(a.objective(), 3), f.percent(a.attainment(), 3),
        f.metMissed(a.met()), f.percent(a.budgetLeft(), 1), f.number(a.creditPercent(), 1) + " %"));
    for (SloOutcome s : r.slos()) {
      rows.add(row(s.name(), f.percent(s.objective(), 3), f.percent(s.attainment(), 3), f.metMissed(s.met()), f.percent(s.errorBudgetLeft(), 1),
          "–"));
    }
    rows.add(header("col.class", "col.downtime", "col.excluded", "col.budgetLeft", "col.credit", null));
    rows.add(row(a.availabilityClass(), f.number(a.downtimeMinutes(), 1), f.number(a.excludedMinutes(), 1),
        f.number(a.budgetMinutes(), 1) + " min", f.number(a.creditPercent(), 1) + " %", ""));
    return section(f.text("section.summary"), f.text("section.summary.intro"), rows, null);
  }

  private Map<String, ?> slo(SloOutcome s) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (!s.worstDays().isEmpty()) {
      rows.add(header("section.worst", "col.good", "col.total", "col.attainment", null, null));
      for (DayPoint d : s.worstDays()) {
        rows.add(row(f.date(d.date()), f.number(d.good(), 0), f.number(d.total(), 0), f.percent(d.attainment(), 3), "", ""));
      }
    }
    List<Map<String, ?>> days = new ArrayList<>();
    for (DayPoint d : s.daily()) {
      Map<String, Object> p = new HashMap<>();
      p.put("day", Integer.toString(LocalDate.parse(d.date()).getDayOfMonth()));
      p.put("attainment", Double.isNaN(d.attainment()) ? null : d.attainment() * 100);
      p.put("objective", s.objective() * 100);
      p.put("budgetLeft", Double.isNaN(d.budgetLeft()) ? null : d.budgetLeft() * 100);
      days.add(p);
    }
    String intro = f.text("section.slo.intro", f.percent(s.objective(), 3), f.percent(s.attainment(), 3), f.metMissed(s.met()),
        f.number(s.downtimeMinutes(), 1), f.number(s.excludedMinutes(), 1));
    Map<String, Object> section = section(f.text("section.slo", s.name()), intro, rows, days);
    // the attainment axis starts just below the lowest day or the objective, so a dip is visible
    double lowest = s.daily().stream().mapToDouble(DayPoint::attainment).filter(a -> !Double.isNaN(a)).min().orElse(1.0);
    section.put("chartMin", Math.max(0, Math.floor(Math.min(lowest, s.objective()) * 100 - 1)));
    return section;
  }

  private Map<String, ?> latency(PeriodResult r) {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(header("col.endpoint", "col.ttft95", "col.ttft99", "col.e2e95", "col.e2e99", "col.objectives"));
    for (var l : r.latency()) {
      rows.add(row(l.endpoint() + " " + l.week(), f.number(l.ttftP95(), 3), f.number(l.ttftP99(), 3), f.number(l.e2eP95(), 3),
          f.number(l.e2eP99(), 3), f.number(l.ttftObjectiveSeconds(), 2) + " / " + f.number(l.e2eObjectiveSeconds(), 2)));
    }
    return section(f.text("section.latency"), r.latency().isEmpty() ? f.text("none") : null, r.latency().isEmpty() ? List.of() : rows, null);
  }

  private Map<String, ?> incidents(PeriodResult r) {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(header("col.incident", "col.severity", "col.ack", "col.ackTarget", "col.restore", "col.restoreTarget"));
    for (IncidentEvidence i : r.incidents()) {
      rows.add(row(i.id() + " " + (i.title() == null ? "" : i.title()), i.severity(),
          f.number(i.minutesToAck(), 1) + " (" + f.metMissed(i.ackMet()) + ")", f.number(i.ackTargetMinutes(), 0),
          f.number(i.minutesToRestore(), 1) + " (" + f.metMissed(i.restoreMet()) + ")", f.number(i.restoreTargetMinutes(), 0)));
    }
    return section(f.text("section.incidents"), r.incidents().isEmpty() ? f.text("none") : null, r.incidents().isEmpty() ? List.of() : rows, null);
  }

  private Map<String, ?> clocks(PeriodResult r) {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(header("col.clock", "col.deadline", "col.notified", "col.status", "col.reason", null));
    for (IncidentEvidence i : r.incidents()) {
      for (ClockEvidence c : i.clocks()) {
        rows.add(row(i.id() + " " + c.regime() + " " + c.deadlineKind(), f.instant(c.deadline()), f.instant(c.notifiedAt()),
            c.status() + (c.documentedOnly() ? " (Art. 33(5))" : ""), c.reason() == null ? "" : c.reason(), ""));
      }
    }
    boolean none = rows.size() == 1;
    return section(f.text("section.clocks"), none ? f.text("none") : null, none ? List.of() : rows, null);
  }

  private Map<String, ?> recovery(PeriodResult r) {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(header("col.asset", "col.target", "col.backups", "col.worstAge", "col.violation", "col.status"));
    for (var p : r.rpo()) {
      rows.add(row(p.asset() + " (RPO)", f.number(p.rpoMinutes(), 0), f.number(p.backups(), 0), f.number(p.worstAgeMinutes(), 1),
          f.number(p.violationMinutes(), 1), f.metMissed(p.met())));
    }
    for (var t : r.rto()) {
      rows.add(row(t.asset() + " (RTO) " + t.evidence(), f.number(t.rtoMinutes(), 0), f.instant(t.at()), f.number(t.durationMinutes(), 1), "",
          f.metMissed(t.met())));
    }
    boolean none = rows.size() == 1;
    return section(f.text("section.recovery"), none ? f.text("none") : null, none ? List.of() : rows, null);
  }

  private Map<String, ?> patches(PeriodResult r) {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(header("col.cve", "col.cvss", "col.published", "col.deadline", "col.patched", "col.status"));
    for (var p : r.patches()) {
      rows.add(row(p.cve() + " " + p.component(), f.number(p.cvss(), 1), f.instant(p.publishedAt()), f.instant(p.deadline()),
          f.instant(p.patchedAt()), p.status()));
    }
    return section(f.text("section.patches"), r.patches().isEmpty() ? f.text("none") : null, r.patches().isEmpty() ? List.of() : rows, null);
  }

  private Map<String, ?> capacity(PeriodResult r) {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(header("col.reservation", "col.critical", "col.short", "col.unknown", "col.held", null));
    for (var c : r.capacity()) {
      rows.add(row(c.reservation() + " (" + c.reservedGpus() + " GPU)", f.number(c.criticalMinutes(), 0), f.number(c.shortMinutes(), 1),
          f.number(c.unknownMinutes(), 1), f.yesNo(c.held()), ""));
    }
    return section(f.text("section.capacity"), r.capacity().isEmpty() ? f.text("none") : null, r.capacity().isEmpty() ? List.of() : rows, null);
  }

  private Map<String, ?> maintenance(PeriodResult r) {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(header("col.maintenance", "col.announced", "col.inside", "col.toPlan", "col.excluded", null));
    for (var m : r.maintenance()) {
      rows.add(row(m.id() + " " + f.instant(m.startedAt()), f.yesNo(m.announcedInTime()), f.yesNo(m.insideAgreedWindow()), f.yesNo(m.heldToPlan()),
          f.number(m.excludedMinutes(), 1), ""));
    }
    return section(f.text("section.maintenance"), r.maintenance().isEmpty() ? f.text("none") : null,
        r.maintenance().isEmpty() ? List.of() : rows, null);
  }

  private Map<String, ?> appendix(PeriodResult r, String jsonSha256) {
    var c = r.completeness();
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(header("col.source", "col.scrapes", "col.success", "col.gaps", "col.gapMinutes", null));
    rows.add(row(String.join(", ", c.sources()), f.number(c.scrapes(), 0), f.percent(c.successRate(), 2), f.number(c.gaps(), 0),
        f.number(c.gapMinutes(), 1), ""));
    String intro = f.text("appendix.method", RATIONALE) + "\n" + f.text("appendix.snapshot", r.snapshot().marker()) + "\n"
        + f.text("appendix.sha", jsonSha256);
    return section(f.text("section.appendix"), intro, rows, null);
  }

  private Map<String, Object> section(String heading, String intro, List<Map<String, Object>> rows, List<Map<String, ?>> days) {
    Map<String, Object> s = new HashMap<>();
    s.put("heading", heading);
    s.put("intro", intro);
    s.put("rows", rows);
    s.put("days", days == null ? List.of() : days);
    return s;
  }

  private Map<String, Object> header(String... keys) {
    Map<String, Object> row = new HashMap<>();
    row.put("header", true);
    for (int i = 0; i < keys.length; i++) {
      row.put("c" + (i + 1), keys[i] == null ? "" : f.text(keys[i]));
    }
    return row;
  }

  private static Map<String, Object> row(String... cells) {
    Map<String, Object> row = new HashMap<>();
    row.put("header", false);
    for (int i = 0; i < cells.length; i++) {
      row.put("c" + (i + 1), cells[i]);
    }
    return row;
  }
}
