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

  /** How often the incident's signal repeated while it was live, when last, and what absorbed it. */
  record Activity(long repeats, java.time.Instant lastSeenAt, String mergedInto) {}

  /** The activity of incident {@code id} (zero repeats for an unknown id). */
  Activity activity(String id);

  /**
   * The live incident that absorbed the most recent incident with this fingerprint, if it was
   * merged into one, following merges transitively (B into A, A into C: C): a repeat of the
   * duplicate's signal belongs to the survivor.
   */
  Optional<IncidentRecord> findLiveMergeTarget(String tenant, String fingerprint);

  /** Counts a repeat of the signal of live incident {@code id}, seen at {@code at}. */
  void recordRepeat(String id, java.time.Instant at);

  /**
   * Merges incident {@code absorbed} into {@code survivor} in one transaction: the survivor keeps
   * the earlier opening time and, per regime, the classification with the earlier awareness;
   * classifications only the absorbed one had and its notifications move over, its fired escalation
   * steps are copied (so they do not fire again on the survivor), its repeats are added; the
   * absorbed incident becomes {@code cancelled} with {@code merged_into} = survivor. Returns the
   * survivor as stored afterwards. Both must exist; the caller checks states and tenants.
   */
  IncidentRecord merge(String survivor, String absorbed, java.time.Instant at);

  /**
   * When the incident crossed the NIS2 significance thresholds of a cloud computing service
   * provider (Implementing Regulation (EU) 2024/2690 Art. 7(a) complete unavailability, (b) limited
   * availability); {@code null}: not (yet).
   */
  record Significance(java.time.Instant completeAt, java.time.Instant limitedAt) {
    public boolean significant() {
      return completeAt != null || limitedAt != null;
    }
  }

  /** The significance flags of incident {@code id} (both {@code null} for an unknown id). */
  Significance significance(String id);

  /**
   * Flags incident {@code id} as crossing the complete ({@code complete}) or the limited threshold
   * at {@code crossedAt}, unless it is flagged for it already; true when this call set it (so the
   * caller audits and announces each flag once, even with several processes).
   */
  boolean flagSignificance(String id, boolean complete, java.time.Instant crossedAt);

  /** Next id for the year, e.g. {@code INC-2026-000042}; gap-free within a database. */
  String nextId(int year);
}
