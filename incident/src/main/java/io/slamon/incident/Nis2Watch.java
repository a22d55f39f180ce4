package io.slamon.incident;

import io.slamon.incident.clock.Nis2Significance;
import io.slamon.incident.clock.Outage;
import io.slamon.store.AuditLog;
import io.slamon.store.IncidentRecord;
import io.slamon.store.IncidentStore;
import io.slamon.store.IncidentStore.Significance;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Flags running incidents that cross the NIS2 significance thresholds of a cloud computing service
 * provider (Implementing Regulation (EU) 2024/2690 Art. 7(a), (b)), from stored availability data
 * ({@link AvailabilityMinutes}), once per evaluation round. Each threshold is flagged once per
 * incident: stored on the incident, an audited {@code nis2-significance} timeline entry, and
 * returned so the runtime can say so loudly (for a NIS2 entity the 24 h early warning may now run).
 * Flagging does not classify: whether and since when the entity is aware of a significant incident
 * is the provider's and the tenant's judgement ({@code slamon incident classify --regime nis2}).
 */
public final class Nis2Watch {
  /** How far before an incident's opening its outage is looked for (detection lags the outage). */
  static final Duration BEFORE_OPENING = Duration.ofHours(2);
  /** How far back at most: a stretch that ended longer ago is not re-read every round. */
  static final Duration MAX_LOOKBACK = Duration.ofHours(6);
  /** Signal kinds that are no service disruption (contractual obligations) and are not assessed. */
  private static final Set<String> NOT_DISRUPTIONS = Set.of("/rpo_missed/", "/patch_overdue/");

  /** The threshold crossed. */
  public enum Criterion {
    COMPLETE("complete", "service completely unavailable for more than 30 min", "Art. 7(a)"),
    LIMITED("limited", "availability limited for more than 5 % of users for more than 1 h", "Art. 7(b)");

    private final String wireName;
    private final String text;
    private final String article;

    Criterion(String wireName, String text, String article) {
      this.wireName = wireName;
      this.text = text;
      this.article = article;
    }

    public String wireName() {
      return wireName;
    }

    /** E.g. "service completely unavailable for more than 30 min (Implementing Regulation (EU) 2024/2690 Art. 7(a))". */
    public String describe() {
      return text + " (Implementing Regulation (EU) 2024/2690 " + article + ")";
    }
  }

  /**
   * A newly flagged threshold.
   *
   * @param regulated the tenant is a NIS2 entity, or it is a provider incident (the provider is the
   *     cloud computing service provider the thresholds are written for)
   */
  public record Flag(String incidentId, String tenant, Criterion criterion, Instant crossedAt, boolean regulated) {
    /** The loud line for the console and the log. */
    public String describe() {
      return "NIS2 SIGNIFICANT " + incidentId + " (" + (tenant == null ? "provider" : tenant) + "): " + criterion.describe()
          + ", crossed " + crossedAt + (regulated
              ? " -- NIS2 entity: the early warning is due 24 h after awareness; classify with 'slamon incident classify "
                  + incidentId + " --regime nis2 --aware-at " + crossedAt + " --source ...'"
              : "");
    }
  }

  private final IncidentStore incidents;
  private final AuditLog audit;
  private final AvailabilityMinutes availability;
  private final Predicate<String> nis2Entity;
  private final InstantSource clock;

  /** @param nis2Entity whether a tenant is a NIS2 essential or important entity */
  public Nis2Watch(IncidentStore incidents, AuditLog audit, AvailabilityMinutes availability, Predicate<String> nis2Entity,
      InstantSource clock) {
    this.incidents = incidents;
    this.audit = audit;
    this.availability = availability;
    this.nis2Entity = nis2Entity;
    this.clock = clock;
  }

  /**
   * What one assessment found.
   *
   * @param flagged thresholds flagged by this call (announce these once)
   * @param standing every flag of a live incident, new or earlier (what an alert fires for while it lasts)
   */
  public record Assessment(List<Flag> flagged, List<Flag> standing) {
    public Assessment {
      flagged = List.copyOf(flagged);
      standing = List.copyOf(standing);
    }
  }

  /** Assesses every live incident that is a service disruption and flags what it newly crossed. */
  public Assessment assess() {
    return assess(incidents.list(null));
  }

  /**
   * As {@link #assess()}, over incidents the caller already read this round (the evaluation round
   * reads them once for this, the incident alerts and the deadline board).
   */
  public Assessment assess(List<IncidentRecord> candidates) {
    Instant now = clock.instant();
    List<Flag> flagged = new ArrayList<>();
    List<Flag> standing = new ArrayList<>();
    for (IncidentRecord i : candidates) {
      if (!IncidentState.fromWireName(i.state()).live() || NOT_DISRUPTIONS.stream().anyMatch(i.fingerprint()::contains)) {
        continue;
      }
      Significance had = incidents.significance(i.id());
      if (had.completeAt() == null || had.limitedAt() == null) {
        Instant from = later(i.openedAt().minus(BEFORE_OPENING), now.minus(MAX_LOOKBACK));
        Nis2Significance s = Nis2Significance.assess(availability.outages(i.tenant(), from, now), AvailabilityMinutes.USERS, now);
        if (had.completeAt() == null && s.completeUnavailability()) {
          flag(i, Criterion.COMPLETE, s.completeCrossedAt(), now).ifPresent(flagged::add);
        }
        if (had.limitedAt() == null && s.limitedAvailability()) {
          flag(i, Criterion.LIMITED, s.limitedCrossedAt(), now).ifPresent(flagged::add);
        }
        had = flagged.stream().anyMatch(f -> f.incidentId().equals(i.id())) ? incidents.significance(i.id()) : had;
      }
      boolean regulated = regulated(i);
      if (had.completeAt() != null) {
        standing.add(new Flag(i.id(), i.tenant(), Criterion.COMPLETE, had.completeAt(), regulated));
      }
      if (had.limitedAt() != null) {
        standing.add(new Flag(i.id(), i.tenant(), Criterion.LIMITED, had.limitedAt(), regulated));
      }
    }
    return new Assessment(flagged, standing);
  }

  private boolean regulated(IncidentRecord i) {
    return i.tenant() == null || nis2Entity.test(i.tenant());
  }

  private java.util.Optional<Flag> flag(IncidentRecord i, Criterion c, Instant crossedAt, Instant now) {
    if (!incidents.flagSignificance(i.id(), c == Criterion.COMPLETE, crossedAt)) {
      return java.util.Optional.empty(); // another process flagged it meanwhile
    }
    boolean regulated = regulated(i);
    audit.append(now, "slamon", i.id(), "nis2-significance", null, c.wireName() + " crossed " + crossedAt,
        c.describe() + ", from the stored availability data" + (regulated ? "; NIS2 entity: consider classifying under NIS2" : ""));
    return java.util.Optional.of(new Flag(i.id(), i.tenant(), c, crossedAt, regulated));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
