package io.slamon.incident;

import io.slamon.core.config.Asset;
import io.slamon.core.config.Contract;
import io.slamon.core.config.PatchRule;
import io.slamon.slo.CveExposure;
import io.slamon.slo.CvssBand;
import io.slamon.slo.PatchCompliance;
import io.slamon.slo.PatchFinding;
import io.slamon.slo.PatchStatus;
import io.slamon.slo.RecoveryObjectives;
import io.slamon.slo.TimeInterval;
import io.slamon.store.Event;
import io.slamon.store.EventStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds contractual obligations being missed, from the stored operational events: an asset whose
 * newest successful backup ({@code backup.completed}) is older than its RPO, and a CVE ({@code
 * cve.published}, the tenant's or provider-wide) past the contract's deadline for its CVSS band
 * without a matching {@code patch.applied}. The judgement is the SLO engine's ({@link
 * RecoveryObjectives}, {@link PatchCompliance}); this class only gathers the events.
 */
public final class ObligationScanner {
  /** A tenant and the contract it is held to. */
  public record TenantContract(String tenant, Contract contract) {
    public TenantContract {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(contract, "contract");
    }
  }

  /** How far back backups and CVEs are looked for. */
  static final Duration BACKUP_LOOKBACK = Duration.ofDays(7);
  static final Duration CVE_LOOKBACK = Duration.ofDays(365);

  private final EventStore events;
  private final InstantSource clock;
  private final Duration grace;

  /**
   * @param grace how long a backup may be overdue before it counts as missed: events arrive a
   *     little after the fact, and an RPO equal to the backup interval would otherwise flap
   */
  public ObligationScanner(EventStore events, InstantSource clock, Duration grace) {
    this.events = events;
    this.clock = clock;
    this.grace = grace;
  }

  public List<Signal> scan(List<TenantContract> tenants) {
    Instant now = clock.instant();
    List<Signal> signals = new ArrayList<>();
    for (TenantContract t : tenants) {
      signals.addAll(missedRpo(t, now));
      signals.addAll(overduePatches(t, now));
    }
    return signals;
  }

  /**
   * Assets with backup events (completed or failed) in the last week whose RPO is missed. An asset
   * slamon has never received a backup event for is not paged: there is no evidence source yet,
   * which the SLA report shows as missing RPO evidence.
   */
  private List<Signal> missedRpo(TenantContract t, Instant now) {
    List<Event> backups = events.list(t.tenant(), "backup.", now.minus(BACKUP_LOOKBACK), now.plusMillis(1));
    List<Signal> signals = new ArrayList<>();
    for (Asset asset : t.contract().assets()) {
      List<Event> mine = backups.stream().filter(e -> asset.name().equals(e.attributes().get("asset"))).toList();
      if (asset.rpo() == null || mine.isEmpty()) {
        continue;
      }
      List<Instant> successful = mine.stream().filter(e -> e.type().equals("backup.completed")).map(Event::time).toList();
      // RPO plus the grace, judged now: a backup taken a moment ago counts even if its event is late
      if (RecoveryObjectives.rpo(new TimeInterval(now.minusSeconds(1), now.plusMillis(1)), asset.rpo().plus(grace), successful).met()) {
        continue;
      }
      String detail = successful.isEmpty()
          ? "no successful backup of " + asset.name() + " in the last " + BACKUP_LOOKBACK.toDays() + " days (only failures); RPO "
              + asset.rpo()
          : "newest successful backup of " + asset.name() + " is from " + successful.getLast() + ", "
              + Duration.between(successful.getLast(), now).withNanos(0) + " old; RPO " + asset.rpo();
      signals.add(new Signal(t.tenant(), Signal.Kind.RPO_MISSED, asset.name(), "backup", detail, now));
    }
    return signals;
  }

  private List<Signal> overduePatches(TenantContract t, Instant now) {
    if (t.contract().patchPolicy().isEmpty()) {
      return List.of();
    }
    Instant from = now.minus(CVE_LOOKBACK);
    Instant to = now.plusMillis(1);
    List<Event> cves = new ArrayList<>(events.list(t.tenant(), "cve.published", from, to));
    cves.addAll(events.list(null, "cve.published", from, to));
    List<Event> patches = new ArrayList<>(events.list(t.tenant(), "patch.applied", from, to));
    patches.addAll(events.list(null, "patch.applied", from, to));
    // one exposure per CVE and component, from its first publication (a re-sent event changes nothing)
    Map<String, CveExposure> exposures = new LinkedHashMap<>();
    for (Event e : cves) {
      String cve = String.valueOf(e.attributes().get("cve"));
      String component = String.valueOf(e.attributes().get("component"));
      if (!(e.attributes().get("cvss") instanceof Number cvss)) {
        continue; // the events API rejects these; an old row without a score has no band
      }
      Instant patched = patches.stream()
          .filter(p -> component.equals(p.attributes().get("component")))
          .filter(p -> p.attributes().get("cve") == null || cve.equals(p.attributes().get("cve")))
          .map(Event::time).filter(at -> !at.isBefore(e.time())).min(Instant::compareTo).orElse(null);
      exposures.merge(cve + "|" + component, new CveExposure(cve, component, e.time(), cvss.doubleValue(), patched),
          (a, b) -> a.publishedAt().isAfter(b.publishedAt()) ? b : a);
    }
    List<CvssBand> bands = t.contract().patchPolicy().stream().map(ObligationScanner::band).toList();
    List<Signal> signals = new ArrayList<>();
    for (PatchFinding f : new PatchCompliance(bands).evaluate(List.copyOf(exposures.values()), now)) {
      if (f.status() == PatchStatus.OVERDUE) {
        CveExposure c = f.cve();
        signals.add(new Signal(t.tenant(), Signal.Kind.PATCH_OVERDUE, c.cveId(), c.component(),
            c.cveId() + " (CVSS " + c.cvss() + ") on " + c.component() + " published " + c.publishedAt() + ", patch due "
                + f.deadline() + ", overdue by " + f.lateBy().withNanos(0),
            now));
      }
    }
    return signals;
  }

  private static CvssBand band(PatchRule r) {
    return new CvssBand(r.minCvss(), r.maxCvss() == null ? 10.0 : r.maxCvss(), r.deadline());
  }
}
