package io.slamon.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * Something observed that may need an incident.
 *
 * @param tenant affected tenant, or {@code null} for the provider scope
 * @param kind what was observed
 * @param subject what it was observed on: the SLO name, {@code gpu-node-01/3}, a target address
 * @param component the affected component (e.g. {@code inference}, {@code gpu}, {@code storage})
 * @param detail one human sentence with the numbers, e.g. "attainment 91.20 % < objective 95.00 %"
 * @param observedAt when it was observed
 */
public record Signal(String tenant, Kind kind, String subject, String component, String detail, Instant observedAt) {
  public Signal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(observedAt, "observedAt");
  }

  /** Kinds of signal, each with the severity it opens at. */
  public enum Kind {
    SLO_BREACH,
    FAST_BURN,
    GPU_XID,
    GPU_LOST,
    TARGET_DOWN,
    /** The newest successful backup of an asset is older than the contract's RPO. */
    RPO_MISSED,
    /** A CVE is past the contract's patch deadline for its CVSS band without a patch applied. */
    PATCH_OVERDUE,
    /**
     * An SLO had no SLI data in its no-data window and one of its OpenSLO alert policies says
     * {@code alertWhenNoData: true}: its burn-rate alerts are blind.
     */
    NO_DATA
  }

  /** The no-data signal of an SLO (see {@link Kind#NO_DATA}). */
  public static Signal noData(String tenant, String slo, java.time.Duration window, Instant observedAt) {
    return new Signal(tenant, Kind.NO_DATA, slo, "slo", "no SLI data for " + slo + " in the last " + window
        + ": its burn-rate alerts are blind (alertWhenNoData)", observedAt);
  }

  /** Deduplication key: a repeat of the same signal on the same subject joins the open incident. */
  public String fingerprint() {
    return (tenant == null ? "provider" : tenant) + "/" + kind.name().toLowerCase(java.util.Locale.ROOT) + "/" + subject + "/" + component;
  }
}
