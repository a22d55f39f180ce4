package io.slamon.slo.period;

import io.slamon.slo.AvailabilityPeriod;
import io.slamon.slo.AvailabilityResult;
import io.slamon.slo.CapacityGuarantee;
import io.slamon.slo.CapacityResult;
import io.slamon.slo.ErrorBudget;
import io.slamon.slo.HistogramBucket;
import io.slamon.slo.HistogramQuantile;
import io.slamon.slo.Maintenance;
import io.slamon.slo.Minutes;
import io.slamon.slo.PatchCompliance;
import io.slamon.slo.PatchFinding;
import io.slamon.slo.RecoveryObjectives;
import io.slamon.slo.RpoResult;
import io.slamon.slo.RtoCheck;
import io.slamon.slo.SliCounts;
import io.slamon.slo.TimeInterval;
import io.slamon.slo.period.PeriodInputs.IncidentFact;
import io.slamon.slo.period.PeriodInputs.MaintenanceFact;
import io.slamon.slo.period.PeriodInputs.SloFact;
import io.slamon.slo.period.PeriodResult.DayPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Computes a {@link PeriodResult} from {@link PeriodInputs} with the engine's contract
 * calculations (availability with maintenance exclusion, credit table, RPO/RTO, patch windows,
 * capacity). Pure: no I/O, the same inputs give the same result.
 */
public final class PeriodCalculator {
  /** How many of the lowest days a report lists per SLO. */
  static final int WORST_DAYS = 3;

  private PeriodCalculator() {}

  public static PeriodResult compute(PeriodInputs in) {
    TimeInterval period = in.period();
    List<Maintenance> maintenance = new ArrayList<>();
    for (MaintenanceFact m : in.maintenance()) {
      if (m.startedAt() == null) {
        continue;
      }
      Instant end = m.endedAt() != null ? m.endedAt() : min(in.asOf(), period.end());
      if (!end.isAfter(m.startedAt())) {
        continue;
      }
      TimeInterval actual = new TimeInterval(m.startedAt(), end);
      maintenance.add(announcedInTime(m) ? Maintenance.announced(m.id(), m.planned(), actual) : Maintenance.unannounced(m.id(), actual));
    }
    AvailabilityResult avail = AvailabilityPeriod.evaluate(period, in.outages(), maintenance, in.agreedWindows());
    double attainment = avail.attainment();
    var availability = new PeriodResult.ContractAvailability(in.availabilityClass(), in.availabilityObjective(), attainment,
        !(attainment < in.availabilityObjective()), avail.periodMinutes(), avail.downtimeMinutes(), avail.excludedMinutes(),
        Minutes.of(avail.maintenanceOutsideAgreedWindows()), avail.budgetMinutes(in.availabilityObjective()),
        avail.budgetRemaining(in.availabilityObjective()), in.credits().creditShare(attainment) * 100);

    List<PeriodResult.SloOutcome> slos = in.slos().stream().map(s -> slo(s, avail)).toList();
    List<PeriodResult.LatencyWeek> latency = in.latency().stream()
        .map(l -> new PeriodResult.LatencyWeek(l.endpoint(), l.week(), q(0.95, l.ttft()), q(0.99, l.ttft()), q(0.95, l.e2e()),
            q(0.99, l.e2e()), l.ttftObjective(), l.e2eObjective()))
        .toList();
    List<PeriodResult.RpoEvidence> rpo = new ArrayList<>();
    List<PeriodResult.RtoEvidence> rto = new ArrayList<>();
    for (var a : in.assets()) {
      RpoResult r = RecoveryObjectives.rpo(period, a.rpo(), a.successfulBackups());
      rpo.add(new PeriodResult.RpoEvidence(a.name(), Minutes.of(a.rpo()), a.successfulBackups().size(),
          r.worstAge().map(Minutes::of).orElse(Double.NaN), r.violationMinutes(), r.met()));
      for (RtoCheck c : RecoveryObjectives.rto(a.rto(), a.restores())) {
        rto.add(new PeriodResult.RtoEvidence(a.name(), Minutes.of(a.rto()), c.restore().evidence(), c.restore().interval().end().toString(),
            Minutes.of(c.restore().duration()), c.restore().succeeded(), c.met()));
      }
    }
    List<PeriodResult.PatchEvidence> patches = new ArrayList<>();
    for (PatchFinding f : new PatchCompliance(in.patchBands()).evaluate(in.cves(), min(in.asOf(), period.end()))) {
      patches.add(new PeriodResult.PatchEvidence(f.cve().cveId(), f.cve().component(), f.cve().cvss(), f.cve().publishedAt().toString(),
          str(f.deadline()), str(f.cve().patchedAt()), f.status().name(), f.lateBy() == null ? 0 : f.lateBy().toMinutes() / 60.0));
    }
    List<PeriodResult.CapacityEvidence> capacity = new ArrayList<>();
    for (var c : in.capacity()) {
      CapacityResult r = new CapacityGuarantee(c.reservedGpus(), Duration.ofMinutes(5)).evaluate(c.criticalWindows(), c.samples());
      capacity.add(new PeriodResult.CapacityEvidence(c.name(), c.reservedGpus(), Minutes.of(r.critical()), r.minutesShort(),
          Minutes.of(r.unknown()), r.worstShortfall(), r.timeShort().isZero()));
    }
    List<PeriodResult.MaintenanceEvidence> held = in.maintenance().stream().map(m -> maintenance(m, in)).toList();
    List<PeriodResult.IncidentEvidence> incidents = in.incidents().stream().map(PeriodCalculator::incident).toList();
    var s = in.scrapes();
    var completeness = new PeriodResult.Completeness(s.scrapes(), s.successful(),
        s.scrapes() == 0 ? Double.NaN : (double) s.successful() / s.scrapes(), s.gaps(), s.gapMinutes(), s.sources());
    return new PeriodResult(in.tenant(), in.month().toString(), in.zone().getId(), period.start().toString(), period.end().toString(),
        in.snapshot(), availability, slos, latency, rpo, rto, patches, capacity, held, incidents, completeness);
  }

  private static PeriodResult.SloOutcome slo(SloFact s, AvailabilityResult avail) {
    double objective = s.definition().objective();
    SliCounts m = s.month();
    double attainment = ErrorBudget.attainment(m.good(), m.total());
    double budgetTotal = ErrorBudget.allowedBad(m.total(), objective);
    double budgetLeft = ErrorBudget.remaining(m.good(), m.total(), objective);
    List<DayPoint> daily = new ArrayList<>();
    double badSoFar = 0;
    for (int i = 0; i < s.days().size(); i++) {
      SliCounts d = s.perDay().get(i);
      badSoFar += Math.max(0, d.total() - d.good());
      double left = budgetTotal > 0 ? 1 - badSoFar / budgetTotal : (badSoFar > 0 ? 0 : 1);
      daily.add(new DayPoint(s.days().get(i).toString(), d.good(), d.total(), ErrorBudget.attainment(d.good(), d.total()), left));
    }
    List<DayPoint> worst = daily.stream().filter(d -> d.total() > 0 && d.attainment() < 1)
        .sorted(Comparator.comparingDouble(DayPoint::attainment).thenComparing(DayPoint::date)).limit(WORST_DAYS).toList();
    boolean met = !(m.total() > 0 && attainment < objective);
    return new PeriodResult.SloOutcome(s.definition().name(), s.definition().kind().name(), s.definition().threshold(), objective,
        m.good(), m.total(), attainment, met, budgetTotal, budgetLeft, avail.downtimeMinutes(), avail.excludedMinutes(), daily, worst);
  }

  private static boolean announcedInTime(MaintenanceFact m) {
    return m.announcedAt() != null && m.planned() != null
        && !m.announcedAt().isAfter(m.planned().start().minus(m.announceAhead() == null ? Duration.ZERO : m.announceAhead()));
  }

  private static PeriodResult.MaintenanceEvidence maintenance(MaintenanceFact m, PeriodInputs in) {
    boolean inTime = announcedInTime(m);
    boolean inside = m.planned() != null && in.agreedWindows().stream()
        .anyMatch(w -> !w.start().isAfter(m.planned().start()) && !w.end().isBefore(m.planned().end()));
    boolean toPlan = m.planned() != null && m.startedAt() != null && m.endedAt() != null
        && !m.startedAt().isBefore(m.planned().start()) && !m.endedAt().isAfter(m.planned().end());
    double excluded = 0;
    if (inTime && m.startedAt() != null) {
      Instant end = m.endedAt() != null ? m.endedAt() : min(in.asOf(), in.period().end());
      if (end.isAfter(m.startedAt())) {
        excluded = AvailabilityPeriod.evaluate(in.period(), List.of(),
            List.of(Maintenance.announced(m.id(), m.planned(), new TimeInterval(m.startedAt(), end))), in.agreedWindows()).excludedMinutes();
      }
    }
    return new PeriodResult.MaintenanceEvidence(m.id(), str(m.announcedAt()), m.planned() == null ? null : m.planned().start().toString(),
        m.planned() == null ? null : m.planned().end().toString(), str(m.startedAt()), str(m.endedAt()), inTime, inside, toPlan, excluded);
  }

  private static PeriodResult.IncidentEvidence incident(IncidentFact f) {
    double toAck = f.acknowledgedAt() == null ? Double.NaN : Minutes.of(Duration.between(f.openedAt(), f.acknowledgedAt()));
    double toRestore = f.restoredAt() == null ? Double.NaN : Minutes.of(Duration.between(f.openedAt(), f.restoredAt()));
    double ackTarget = f.ackTarget() == null ? Double.NaN : Minutes.of(f.ackTarget());
    double restoreTarget = f.restoreTarget() == null ? Double.NaN : Minutes.of(f.restoreTarget());
    return new PeriodResult.IncidentEvidence(f.id(), f.severity(), f.title(), f.openedAt().toString(), str(f.acknowledgedAt()),
        str(f.restoredAt()), toAck, ackTarget, toAck <= ackTarget, toRestore, restoreTarget, toRestore <= restoreTarget, f.clocks());
  }

  private static double q(double quantile, List<HistogramBucket> buckets) {
    return buckets.isEmpty() ? Double.NaN : HistogramQuantile.quantile(quantile, buckets);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static String str(Instant t) {
    return t == null ? null : t.toString();
  }
}
