package io.slamon.slo;

import java.time.Duration;
import java.util.Objects;

/**
 * One restore, from a restore test or a real recovery in an incident.
 *
 * @param asset the protected asset (object storage, model registry, control plane, ...)
 * @param evidence where it is documented: the event id of the restore test, or the incident id
 * @param interval from the start of the restore until the service was usable again
 * @param succeeded false when the restore failed; a failed restore never meets the RTO
 */
public record RestoreRecord(String asset, String evidence, TimeInterval interval, boolean succeeded) {
  public RestoreRecord {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(interval, "interval");
  }

  public Duration duration() {
    return interval.length();
  }
}
