package io.slamon.slo.period;

import java.util.List;
import java.util.Objects;

/**
 * Everything a monthly report states about one tenant and one calendar month, as the engine's
 * period job computed it from stored data. Reports only format these numbers; they never
 * recompute. Ratios are in [0, 1] (or NaN without data), minutes are real minutes, instants are
 * ISO-8601 UTC strings and dates local dates of the contract's time zone, so the canonical JSON
 * ({@link PeriodJson}) is stable byte for byte.
 *
 * @param month {@code YYYY-MM}
 * @param zone the contract's time zone the month is cut in
 * @param start first instant of the month (local midnight)
 * @param end first instant of the next month
 * @param snapshot the data the result was computed from (see {@link DataSnapshot})
 */
public record PeriodResult(
    String tenant,
    String month,
    String zone,
    String start,
    String end,
    DataSnapshot snapshot,
    ContractAvailability availability,
    List<SloOutcome> slos,
    List<LatencyWeek> latency,
    List<RpoEvidence> rpo,
    List<RtoEvidence> rto,
    List<PatchEvidence> patches,
    List<CapacityEvidence> capacity,
    List<MaintenanceEvidence> maintenance,
    List<IncidentEvidence> incidents,
    Completeness completeness) {
  public PeriodResult {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(availability, "availability");
    slos = List.copyOf(slos);
    latency = List.copyOf(latency);
    rpo = List.copyOf(rpo);
    rto = List.copyOf(rto);
    patches = List.copyOf(patches);
    capacity = List.copyOf(capacity);
    maintenance = List.copyOf(maintenance);
    incidents = List.copyOf(incidents);
    Objects.requireNonNull(completeness, "completeness");
  }

  /**
   * Marker of the stored data a result was computed from: the newest sample time and the number
   * of samples of the tenant in the month, the number of its (and provider-wide) events, and the
   * audit log's last sequence number. The same marker means the same inputs.
   */
  public record DataSnapshot(String lastSampleAt, long samples, long events, long auditSeq) {
    public String marker() {
      return "samples=" + samples + "@" + lastSampleAt + ";events=" + events + ";audit=" + auditSeq;
    }
  }

  /**
   * Time-based availability against the contract's availability class: downtime (targets down,
   * unannounced or overrunning maintenance) and excluded (announced maintenance inside the agreed
   * windows) minutes, with the service credit the contract's credit table assigns.
   */
  public record ContractAvailability(
      String availabilityClass,
      double objective,
      double attainment,
      boolean met,
      double periodMinutes,
      double downtimeMinutes,
      double excludedMinutes,
      double maintenanceOutsideAgreedMinutes,
      double budgetMinutes,
      double budgetLeft,
      double creditPercent) {}

  /** One SLO over the month (Occurrences: every request counts the same). */
  public record SloOutcome(
      String name,
      String kind,
      double threshold,
      double objective,
      double good,
      double total,
      double attainment,
      boolean met,
      double errorBudgetTotal,
      double errorBudgetLeft,
      double downtimeMinutes,
      double excludedMinutes,
      List<DayPoint> daily,
      List<DayPoint> worstDays) {
    public SloOutcome {
      daily = List.copyOf(daily);
      worstDays = List.copyOf(worstDays);
    }
  }

  /**
   * One local day: its attainment (NaN without traffic) and the share of the month's error budget
   * left at its end (the burn-down).
   */
  public record DayPoint(String date, double good, double total, double attainment, double budgetLeft) {}

  /** p95/p99 of TTFT and end-to-end latency of one endpoint (model) in one ISO week. */
  public record LatencyWeek(String endpoint, String week, double ttftP95, double ttftP99, double e2eP95, double e2eP99,
      double ttftObjectiveSeconds, double e2eObjectiveSeconds) {}

  public record RpoEvidence(String asset, double rpoMinutes, int backups, double worstAgeMinutes, double violationMinutes, boolean met) {}

  public record RtoEvidence(String asset, double rtoMinutes, String evidence, String at, double durationMinutes, boolean succeeded, boolean met) {}

  public record PatchEvidence(String cve, String component, double cvss, String publishedAt, String deadline, String patchedAt,
      String status, double lateByHours) {}

  public record CapacityEvidence(String reservation, int reservedGpus, double criticalMinutes, double shortMinutes,
      double unknownMinutes, int worstShortfall, boolean held) {}

  public record MaintenanceEvidence(String id, String announcedAt, String plannedStart, String plannedEnd, String startedAt,
      String endedAt, boolean announcedInTime, boolean insideAgreedWindow, boolean heldToPlan, double excludedMinutes) {}

  /** An incident of the month with its response times against the contract's targets. */
  public record IncidentEvidence(String id, String severity, String title, String openedAt, String acknowledgedAt,
      String restoredAt, double minutesToAck, double ackTargetMinutes, boolean ackMet, double minutesToRestore,
      double restoreTargetMinutes, boolean restoreMet, List<ClockEvidence> clocks) {
    public IncidentEvidence {
      clocks = List.copyOf(clocks);
    }
  }

  /**
   * One regulatory clock deadline of an incident: when it was due, when the notification was
   * recorded (null: not notified), on time or late and the recorded reason. {@code documentedOnly}
   * marks breaches documented but not notified (DSGVO Art. 33(5)).
   */
  public record ClockEvidence(String regime, String deadlineKind, String deadline, String notifiedAt, String status,
      String reason, boolean documentedOnly) {}

  /** How complete the scraped data is: successful scrapes / scrapes, and gaps longer than expected. */
  public record Completeness(long scrapes, long successfulScrapes, double successRate, int gaps, double gapMinutes,
      List<String> sources) {
    public Completeness {
      sources = List.copyOf(sources);
    }
  }
}
