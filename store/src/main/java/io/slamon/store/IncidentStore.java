package io.slamon.store;

import java.util.List;
import java.util.Optional;

/** Incident rows. Deeper lifecycle and the hash-chained timeline come with the incident module. */
public interface IncidentStore {
  /** Inserts the incident, or returns the existing open one with the same fingerprint (not closed, resolved or cancelled). */
  IncidentRecord openOrGet(IncidentRecord candidate);

  Optional<IncidentRecord> find(String id);

  /** The live (not resolved, closed or cancelled) incident of the tenant with this fingerprint, if any. */
  Optional<IncidentRecord> findLive(String tenant, String fingerprint);

  /**
   * Sets the state of incident {@code id} to {@code newState} if it is still {@code expectedState}
   * (optimistic: a concurrent change makes this return empty); returns the updated row.
   */
  Optional<IncidentRecord> updateState(String id, String expectedState, String newState, java.time.Instant at);

  /** Incidents of a tenant ({@code null}: all tenants and provider scope), newest first. */
  List<IncidentRecord> list(String tenant);

  /** Next id for the year, e.g. {@code INC-2026-000042}; gap-free within a database. */
  String nextId(int year);
}
