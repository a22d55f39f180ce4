package io.slamon.slo.period;

import io.slamon.core.Severity;
import io.slamon.core.audit.AuditEntry;
import io.slamon.core.config.CapacityReservation;
import io.slamon.core.config.Contract;
import io.slamon.core.config.CriticalWindow;
import io.slamon.core.config.MaintenanceWindow;
import io.slamon.core.config.ResponseTarget;
import io.slamon.core.config.Tenant;
import io.slamon.slo.AgreedMaintenanceWindow;
import io.slamon.slo.CapacitySample;
import io.slamon.slo.CreditTable;
import io.slamon.slo.CreditTier;
import io.slamon.slo.CveExposure;
import io.slamon.slo.CvssBand;
import io.slamon.slo.RestoreRecord;
import io.slamon.slo.SliCounts;
import io.slamon.slo.SliKind;
import io.slamon.slo.SliSource;
import io.slamon.slo.SloDefinition;
import io.slamon.slo.TimeInterval;
import io.slamon.slo.period.PeriodInputs.AssetFact;
import io.slamon.slo.period.PeriodInputs.CapacityFact;
import io.slamon.slo.period.PeriodInputs.IncidentFact;
import io.slamon.slo.period.PeriodInputs.MaintenanceFact;
import io.slamon.slo.period.PeriodInputs.SloFact;
import io.slamon.store.AuditLog;
import io.slamon.store.Event;
import io.slamon.store.EventStore;
import io.slamon.store.IncidentRecord;
import io.slamon.store.IncidentStore;
import io.slamon.store.PeriodResultStore;
import io.slamon.store.RollupReader;
import io.slamon.store.RollupReader.Minute;
import io.slamon.store.RollupReader.RollupSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads the facts of one tenant's month from the stores (1-minute rollups, events, incidents, audit
 * log) into {@link PeriodInputs}. Metrics are read from the rollups only, never raw samples, so a
 * month's result can be recomputed after raw retention. Every read is scoped to the tenant (plus
 * provider-wide events such as CVEs and maintenance, which concern every tenant).
 */
public final class StoredPeriodInputs {
  static final String UP = "up";
  /** A GPU counts as healthy and allocatable while dcgm-exporter reports it (one series per GPU). */
  static final String GPU_PRESENCE = "DCGM_FI_DEV_GPU_UTIL";

  private final EventStore events;
  private final IncidentStore incidents;
  private final AuditLog audit;
  private final PeriodResultStore periods;
  private final RollupReader rollups;
  private final Function<RollupReader, SliSource> sli;
  private final Function<IncidentRecord, List<PeriodResult.ClockEvidence>> clocks;

  /**
   * @param rollups the 1-minute/hourly rollups: every metric-based number (SLO counts of every kind, latency histograms,
   *     outages and completeness from {@code up}, GPU presence) is read from them, so it outlives {@code storage.retention.raw}
   * @param sli the engine's SLI source over a rollup reader (e.g. {@code rollups -> new StoredSliSource(rollups)} wrapped
   *     like the engine's); it is given rollups scoped to the tenant that read each metric's minutes of the month once
   * @param clocks the regulatory clock outcomes of an incident (the incident module's plans), or
   *     none when the caller has no clocks
   */
  public StoredPeriodInputs(RollupReader rollups, EventStore events, IncidentStore incidents, AuditLog audit,
      PeriodResultStore periods, Function<RollupReader, SliSource> sli, Function<IncidentRecord, List<PeriodResult.ClockEvidence>> clocks) {
    this.rollups = rollups;
    this.events = events;
    this.incidents = incidents;
    this.audit = audit;
    this.periods = periods;
    this.sli = sli;
    this.clocks = clocks;
  }

  public PeriodInputs read(Tenant tenant, List<SloDefinition> slos, YearMonth month, Instant asOf) {
    Contract contract = tenant.contract();
    ZoneId zone = contract.timeZone();
    String id = tenant.id();
    TimeInterval period = new TimeInterval(month.atDay(1).atStartOfDay(zone).toInstant(), month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    var counts = periods.dataCounts(id, period.start(), period.end());
    var snapshot = new PeriodResult.DataSnapshot(counts.lastSampleAt() == null ? "none" : counts.lastSampleAt().toString(), counts.samples(),
        counts.events(), counts.auditSeq());

    List<TimeInterval> agreed = new ArrayList<>();
    Duration announceAhead = Duration.ZERO;
    for (MaintenanceWindow w : contract.maintenanceWindows()) {
      for (var day : w.days()) {
        agreed.addAll(new AgreedMaintenanceWindow(day, w.start(), w.duration(), zone).occurrencesIn(period));
      }
      announceAhead = announceAhead.compareTo(w.announceAhead()) > 0 ? announceAhead : w.announceAhead();
    }
    agreed.sort(Comparator.comparing(TimeInterval::start));

    TenantRollups monthRollups = new TenantRollups(rollups, id, period);
    List<RollupSeries> up = monthRollups.rollups(id, UP, Map.of(), period.start(), period.end());
    List<Event> tenantEvents = new ArrayList<>(events.list(id, "", period.start().minus(Duration.ofDays(62)), period.end()));
    tenantEvents.addAll(events.list(null, "", period.start().minus(Duration.ofDays(62)), period.end()));
    tenantEvents.sort(Comparator.comparing(Event::time).thenComparing(Event::id));

    SliSource monthSli = sli.apply(monthRollups);
    List<CreditTier> tiers = contract.serviceCredits().stream().map(c -> new CreditTier(c.below() / 100, c.creditPercent() / 100)).toList();
    return new PeriodInputs(id, month, zone, asOf, snapshot, contract.availabilityClass().name(), contract.availabilityClass().target(),
        new CreditTable(tiers), agreed, ScrapeAnalysis.outages(up), maintenance(tenantEvents, period, announceAhead),
        slos.stream().map(s -> slo(monthSli, s, period, zone)).toList(), LatencyReader.read(rollups, id, slos, period, zone),
        assets(contract, tenantEvents, period), bands(contract), cves(tenantEvents, period), capacity(monthRollups, id, contract, period),
        incidents(id, contract, period), ScrapeAnalysis.facts(up));
  }

  static SloFact slo(SliSource sli, SloDefinition s, TimeInterval period, ZoneId zone) {
    List<LocalDate> days = new ArrayList<>();
    List<SliCounts> perDay = new ArrayList<>();
    for (LocalDate d = period.start().atZone(zone).toLocalDate(); d.atStartOfDay(zone).toInstant().isBefore(period.end()); d = d.plusDays(1)) {
      days.add(d);
      perDay.add(sli.counts(s, d.atStartOfDay(zone).toInstant(), d.plusDays(1).atStartOfDay(zone).toInstant()));
    }
    return new SloFact(s, sli.counts(s, period.start(), period.end()), days, perDay);
  }

  private static List<MaintenanceFact> maintenance(List<Event> all, TimeInterval period, Duration announceAhead) {
    Map<String, Event[]> byId = new TreeMap<>();
    for (Event e : all) {
      if (!e.type().startsWith("maintenance.")) {
        continue;
      }
      String mid = String.valueOf(e.attributes().get("maintenanceId"));
      Event[] slots = byId.computeIfAbsent(mid, k -> new Event[3]);
      int i = switch (e.type()) {
        case "maintenance.announced" -> 0;
        case "maintenance.started" -> 1;
        default -> 2;
      };
      if (slots[i] == null) {
        slots[i] = e;
      }
    }
    List<MaintenanceFact> out = new ArrayList<>();
    byId.forEach((mid, s) -> {
      TimeInterval planned = s[0] == null ? null
          : new TimeInterval(OffsetDateTime.parse(String.valueOf(s[0].attributes().get("plannedStart"))).toInstant(),
              OffsetDateTime.parse(String.valueOf(s[0].attributes().get("plannedEnd"))).toInstant());
      Instant started = s[1] == null ? null : s[1].time();
      Instant ended = s[2] == null ? null : s[2].time();
      boolean touches = (started != null && started.isBefore(period.end()) && (ended == null || ended.isAfter(period.start())))
          || (planned != null && planned.start().isBefore(period.end()) && planned.end().isAfter(period.start()));
      if (touches) {
        out.add(new MaintenanceFact(mid, s[0] == null ? null : s[0].time(), planned, started, ended, announceAhead));
      }
    });
    return out;
  }

  private static List<AssetFact> assets(Contract contract, List<Event> all, TimeInterval period) {
    List<AssetFact> out = new ArrayList<>();
    for (var a : contract.assets()) {
      List<Instant> backups = new ArrayList<>();
      List<RestoreRecord> restores = new ArrayList<>();
      for (Event e : all) {
        if (!a.name().equals(e.attributes().get("asset"))) {
          continue;
        }
        if (e.type().equals("backup.completed") && e.time().isBefore(period.end())) {
          backups.add(e.time());
        } else if (e.type().equals("restore_test.completed") && period.start().compareTo(e.time()) <= 0 && e.time().isBefore(period.end())) {
          long seconds = Math.round(((Number) e.attributes().get("durationSeconds")).doubleValue());
          restores.add(new RestoreRecord(a.name(), e.id(), new TimeInterval(e.time().minusSeconds(seconds), e.time()),
              Boolean.TRUE.equals(e.attributes().get("success"))));
        }
      }
      out.add(new AssetFact(a.name(), a.rto(), a.rpo(), backups, restores));
    }
    return out;
  }

  private static List<CvssBand> bands(Contract contract) {
    return contract.patchPolicy().stream().map(r -> new CvssBand(r.minCvss(), r.maxCvss() == null ? 10.0 : r.maxCvss(), r.deadline())).toList();
  }

  private static List<CveExposure> cves(List<Event> all, TimeInterval period) {
    List<CveExposure> out = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (Event e : all) {
      if (!e.type().equals("cve.published") || !e.time().isBefore(period.end())) {
        continue;
      }
      String cve = String.valueOf(e.attributes().get("cve"));
      String component = String.valueOf(e.attributes().get("component"));
      if (!seen.add(cve + "|" + component)) {
        continue;
      }
      Instant patched = all.stream()
          .filter(p -> p.type().equals("patch.applied") && cve.equals(p.attributes().get("cve")) && !p.time().isBefore(e.time()))
          .map(Event::time).findFirst().orElse(null);
      if (patched != null && patched.isBefore(period.start())) {
        continue; // dealt with before this month
      }
      out.add(new CveExposure(cve, component, e.time(), ((Number) e.attributes().get("cvss")).doubleValue(), patched));
    }
    return out;
  }

  /**
   * GPUs seen per minute: one capacity sample at each minute's start counting the GPU series
   * (one per GPU) that reported in that minute.
   */
  private static List<CapacityFact> capacity(RollupReader monthRollups, String tenant, Contract contract, TimeInterval period) {
    List<CapacityFact> out = new ArrayList<>();
    if (contract.capacityReservations().isEmpty()) {
      return out;
    }
    TreeMap<Instant, Integer> gpusAt = new TreeMap<>();
    for (RollupSeries s : monthRollups.rollups(tenant, GPU_PRESENCE, Map.of(), period.start(), period.end())) {
      for (Minute m : s.minutes()) {
        if (m.count() > 0) {
          gpusAt.merge(m.minute(), 1, Integer::sum);
        }
      }
    }
    List<CapacitySample> observed = gpusAt.entrySet().stream().map(e -> new CapacitySample(e.getKey(), e.getValue())).toList();
    for (CapacityReservation r : contract.capacityReservations()) {
      List<TimeInterval> windows = new ArrayList<>();
      for (CriticalWindow w : r.criticalWindows()) {
        windows.addAll(CriticalWindows.occurrencesIn(w, period, contract.timeZone()));
      }
      out.add(new CapacityFact(r.name(), r.gpus(), windows, observed));
    }
    return out;
  }

  private List<IncidentFact> incidents(String tenant, Contract contract, TimeInterval period) {
    List<IncidentFact> out = new ArrayList<>();
    List<IncidentRecord> list = new ArrayList<>(incidents.list(tenant));
    list.sort(Comparator.comparing(IncidentRecord::openedAt).thenComparing(IncidentRecord::id));
    for (IncidentRecord i : list) {
      if (!tenant.equals(i.tenant()) || i.openedAt().isBefore(period.start()) || !i.openedAt().isBefore(period.end())) {
        continue;
      }
      Instant acked = null;
      Instant restored = null;
      for (AuditEntry e : audit.forSubject(i.id())) {
        if (!"state".equals(e.action())) {
          continue;
        }
        String to = e.newValue();
        if (acked == null && Set.of("acknowledged", "mitigated", "resolved", "closed").contains(to)) {
          acked = e.at();
        }
        if (restored == null && Set.of("mitigated", "resolved", "closed").contains(to)) {
          restored = e.at();
        }
      }
      ResponseTarget target = targetFor(contract, i.severity());
      out.add(new IncidentFact(i.id(), i.severity(), i.title(), i.openedAt(), acked, restored, target == null ? null : target.acknowledge(),
          target == null ? null : target.restore(), clocks.apply(i)));
    }
    return out;
  }

  private static ResponseTarget targetFor(Contract contract, String severity) {
    try {
      return contract.incidentTargets().of(Severity.valueOf(severity));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The objective of the tenant's first SLO of {@code kind}, as its threshold in seconds (NaN when none). */
  static double thresholdOf(List<SloDefinition> slos, SliKind kind) {
    return slos.stream().filter(s -> s.kind() == kind).mapToDouble(SloDefinition::threshold).findFirst().orElse(Double.NaN);
  }
}
