package io.slamon.slo.period;

import io.slamon.slo.CapacitySample;
import io.slamon.slo.CreditTable;
import io.slamon.slo.CveExposure;
import io.slamon.slo.CvssBand;
import io.slamon.slo.HistogramBucket;
import io.slamon.slo.RestoreRecord;
import io.slamon.slo.SliCounts;
import io.slamon.slo.SloDefinition;
import io.slamon.slo.TimeInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The facts a period result is computed from, already read from the store: plain values, so
 * {@link PeriodCalculator} is pure and testable with hand-made inputs.
 *
 * @param asOf the instant the inputs were read (deadlines still open at that time are OPEN, not late)
 */
public record PeriodInputs(
    String tenant,
    YearMonth month,
    ZoneId zone,
    Instant asOf,
    PeriodResult.DataSnapshot snapshot,
    String availabilityClass,
    double availabilityObjective,
    CreditTable credits,
    List<TimeInterval> agreedWindows,
    List<TimeInterval> outages,
    List<MaintenanceFact> maintenance,
    List<SloFact> slos,
    List<LatencyFact> latency,
    List<AssetFact> assets,
    List<CvssBand> patchBands,
    List<CveExposure> cves,
    List<CapacityFact> capacity,
    List<IncidentFact> incidents,
    ScrapeFacts scrapes) {
  public PeriodInputs {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(credits, "credits");
    agreedWindows = List.copyOf(agreedWindows);
    outages = List.copyOf(outages);
    maintenance = List.copyOf(maintenance);
    slos = List.copyOf(slos);
    latency = List.copyOf(latency);
    assets = List.copyOf(assets);
    patchBands = List.copyOf(patchBands);
    cves = List.copyOf(cves);
    capacity = List.copyOf(capacity);
    incidents = List.copyOf(incidents);
    Objects.requireNonNull(scrapes, "scrapes");
  }

  /** The month as the half-open interval between local midnights (DST-correct). */
  public TimeInterval period() {
    return new TimeInterval(month.atDay(1).atStartOfDay(zone).toInstant(), month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
  }

  /**
   * A maintenance from the events: announcement (null when unannounced) with its planned
   * interval, and what actually happened (end null: still running at {@code asOf}).
   */
  public record MaintenanceFact(String id, Instant announcedAt, TimeInterval planned, Instant startedAt, Instant endedAt, Duration announceAhead) {}

  /** One SLO with its counts over the whole month and per local day (in date order). */
  public record SloFact(SloDefinition definition, SliCounts month, List<LocalDate> days, List<SliCounts> perDay) {
    public SloFact {
      days = List.copyOf(days);
      perDay = List.copyOf(perDay);
      if (days.size() != perDay.size()) {
        throw new IllegalArgumentException("days and perDay differ in length");
      }
    }
  }

  /** Cumulative histogram buckets of one endpoint in one week (increase over the week). */
  public record LatencyFact(String endpoint, String week, List<HistogramBucket> ttft, List<HistogramBucket> e2e, double ttftObjective,
      double e2eObjective) {}

  public record AssetFact(String name, Duration rto, Duration rpo, List<Instant> successfulBackups, List<RestoreRecord> restores) {}

  public record CapacityFact(String name, int reservedGpus, List<TimeInterval> criticalWindows, List<CapacitySample> samples) {}

  public record IncidentFact(String id, String severity, String title, Instant openedAt, Instant acknowledgedAt, Instant restoredAt,
      Duration ackTarget, Duration restoreTarget, List<PeriodResult.ClockEvidence> clocks) {}

  /** Scrape outcomes of the tenant's targets from the {@code up} series. */
  public record ScrapeFacts(long scrapes, long successful, int gaps, double gapMinutes, List<String> sources) {}
}
