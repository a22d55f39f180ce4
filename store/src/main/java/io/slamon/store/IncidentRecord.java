package io.slamon.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The stored row of an incident. Lifecycle rules live in {@code incident/}; this is only data.
 *
 * @param id stable id, e.g. {@code INC-2026-000042}
 * @param tenant owning tenant, or {@code null} for a provider-scope incident
 * @param fingerprint deduplication key (tenant, SLO or signal, component)
 * @param severity {@code P1}…{@code P4}
 * @param state {@code open}, {@code acknowledged}, {@code mitigated}, {@code resolved}, {@code closed}, {@code cancelled}
 * @param title short human title
 * @param openedAt when slamon opened it
 * @param updatedAt last change
 */
public record IncidentRecord(
    String id, String tenant, String fingerprint, String severity, String state, String title, Instant openedAt, Instant updatedAt) {
  public IncidentRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(openedAt, "openedAt");
  }
}
